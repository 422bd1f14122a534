#include "EditorTabs.h"

#include "Dialogs.h"
#include "SqlEditor.h"

#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QTabBar>

namespace quarry {

namespace {

const QString kSqlFilter = QStringLiteral("SQL files (*.sql);;All files (*)");
const char kTitleProperty[] = "quarryTitle";

} // namespace

EditorTabs::EditorTabs(Dialogs& prompts, QWidget* parent) : QTabWidget(parent), m_prompts(prompts)
{
    setTabsClosable(true);
    setMovable(true);
    setDocumentMode(true);
    connect(this, &QTabWidget::tabCloseRequested, this, [this](int index) {
        closeTab(index);
        if (count() == 0)
            newTab();
    });
    connect(this, &QTabWidget::currentChanged, this, [this] { emit currentEditorChanged(currentEditor()); });
}

SqlEditor* EditorTabs::currentEditor() const
{
    return qobject_cast<SqlEditor*>(currentWidget());
}

SqlEditor* EditorTabs::editorAt(int index) const
{
    return qobject_cast<SqlEditor*>(widget(index));
}

QList<SqlEditor*> EditorTabs::editors() const
{
    QList<SqlEditor*> out;
    for (int i = 0; i < count(); ++i)
        out << editorAt(i);
    return out;
}

SqlEditor* EditorTabs::newTab(const QString& text, const QString& title)
{
    auto* editor = new SqlEditor(this);
    editor->setCatalog(m_catalog);
    editor->setPlainText(text);
    editor->document()->setModified(false);
    editor->setProperty(kTitleProperty, title.isEmpty() ? QStringLiteral("Query %1").arg(++m_untitled) : title);
    connect(editor->document(), &QTextDocument::modificationChanged, this, [this, editor] { updateTitle(editor); });
    setCurrentIndex(addTab(editor, QString()));
    updateTitle(editor);
    editor->setFocus();
    return editor;
}

void EditorTabs::setTitle(SqlEditor* editor, const QString& title)
{
    editor->setProperty(kTitleProperty, title);
    updateTitle(editor);
}

void EditorTabs::updateTitle(SqlEditor* editor)
{
    const int index = indexOf(editor);
    if (index < 0)
        return;
    const QString title = editor->filePath().isEmpty() ? editor->property(kTitleProperty).toString()
                                                       : QFileInfo(editor->filePath()).fileName();
    setTabText(index, editor->document()->isModified() ? title + QStringLiteral(" *") : title);
    setTabToolTip(index, editor->filePath());
}

bool EditorTabs::openFile(const QString& path)
{
    const QString absolute = QFileInfo(path).absoluteFilePath();
    for (SqlEditor* editor : editors()) {
        if (editor->filePath() == absolute) {
            setCurrentWidget(editor);
            return true;
        }
    }
    QFile file(absolute);
    if (!file.open(QIODevice::ReadOnly)) {
        m_prompts.inform(this, QStringLiteral("Cannot Open File"),
                         QStringLiteral("Cannot read \u201c%1\u201d: %2").arg(path, file.errorString()));
        return false;
    }
    const QString text = QString::fromUtf8(file.readAll());
    // An untouched empty tab is replaced rather than left behind.
    SqlEditor* current = currentEditor();
    SqlEditor* editor =
        current && current->filePath().isEmpty() && current->document()->isEmpty() && !current->document()->isModified()
            ? current
            : newTab();
    editor->setPlainText(text);
    editor->setFilePath(absolute);
    editor->document()->setModified(false);
    updateTitle(editor);
    return true;
}

bool EditorTabs::open()
{
    SqlEditor* editor = currentEditor();
    const QString path = m_prompts.chooseFile(
        this, Dialogs::FileAction::Open, editor ? QFileInfo(editor->filePath()).absolutePath() : QString(), kSqlFilter);
    return !path.isEmpty() && openFile(path);
}

bool EditorTabs::saveTo(SqlEditor* editor, const QString& path)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(editor->toPlainText().toUtf8()) < 0 || !file.commit()) {
        m_prompts.inform(this, QStringLiteral("Cannot Save File"),
                         QStringLiteral("Cannot write \u201c%1\u201d: %2").arg(path, file.errorString()));
        return false;
    }
    editor->setFilePath(QFileInfo(path).absoluteFilePath());
    editor->document()->setModified(false);
    updateTitle(editor);
    return true;
}

bool EditorTabs::save()
{
    SqlEditor* editor = currentEditor();
    if (!editor)
        return false;
    if (editor->filePath().isEmpty())
        return saveAs();
    return saveTo(editor, editor->filePath());
}

bool EditorTabs::saveAs()
{
    SqlEditor* editor = currentEditor();
    if (!editor)
        return false;
    const QString suggestion = editor->filePath().isEmpty()
                                   ? editor->property(kTitleProperty).toString() + QStringLiteral(".sql")
                                   : editor->filePath();
    const QString path = m_prompts.chooseFile(this, Dialogs::FileAction::Save, suggestion, kSqlFilter);
    return !path.isEmpty() && saveTo(editor, path);
}

bool EditorTabs::resolveUnsaved(SqlEditor* editor, bool* discarded)
{
    if (!editor->document()->isModified() || editor->document()->isEmpty())
        return true;
    setCurrentWidget(editor);
    const QString name = editor->filePath().isEmpty() ? editor->property(kTitleProperty).toString()
                                                      : QFileInfo(editor->filePath()).fileName();
    const auto answer =
        m_prompts.ask(this, QStringLiteral("Unsaved SQL"),
                      QStringLiteral("\u201c%1\u201d has changes that are not saved. Save them?").arg(name),
                      QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
    if (answer == QMessageBox::Save)
        return editor->filePath().isEmpty() ? saveAs() : saveTo(editor, editor->filePath());
    if (discarded)
        *discarded = answer == QMessageBox::Discard;
    return answer == QMessageBox::Discard;
}

bool EditorTabs::closeTab(int index)
{
    SqlEditor* editor = editorAt(index);
    if (!editor || !resolveUnsaved(editor))
        return false;
    removeTab(indexOf(editor));
    editor->deleteLater();
    return true;
}

bool EditorTabs::confirmDiscardAll()
{
    QList<SqlEditor*> dropped;
    for (SqlEditor* editor : editors()) {
        bool discarded = false;
        if (!resolveUnsaved(editor, &discarded))
            return false;
        if (discarded)
            dropped << editor;
    }
    // Only once every question is answered: a Cancel part way leaves every tab as it was.
    for (SqlEditor* editor : dropped) {
        removeTab(indexOf(editor));
        editor->deleteLater();
    }
    if (count() == 0)
        newTab();
    return true;
}

bool EditorTabs::hasUnsavedText() const
{
    for (SqlEditor* editor : editors()) {
        if (editor->document()->isModified() && !editor->document()->isEmpty())
            return true;
    }
    return false;
}

void EditorTabs::setCatalog(const SchemaCatalog& catalog)
{
    m_catalog = catalog;
    for (SqlEditor* editor : editors())
        editor->setCatalog(catalog);
}

void EditorTabs::insertSql(const QString& sql)
{
    SqlEditor* editor = currentEditor();
    if (!editor)
        editor = newTab();
    editor->insertPlainText(sql);
    editor->setFocus();
}

SqlEditor* EditorTabs::openSql(const QString& sql, const QString& title)
{
    SqlEditor* editor = currentEditor();
    if (editor && editor->filePath().isEmpty() && editor->toPlainText().trimmed().isEmpty()) {
        editor->setPlainText(sql);
        editor->document()->setModified(false);
        if (!title.isEmpty())
            setTitle(editor, title);
    } else {
        editor = newTab(sql, title);
    }
    editor->setFocus();
    return editor;
}

} // namespace quarry
