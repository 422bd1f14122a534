#include "browser/ForeignKeyEditor.h"

#include <QCoreApplication>
#include <QKeyEvent>
#include <QListWidget>
#include <QTimer>

namespace quarry {

ForeignKeyEditor::ForeignKeyEditor(const QString& path, const ForeignKeyInfo& key, QWidget* parent)
    : QLineEdit(parent)
    , m_search(std::make_unique<KeySearch>(path, key))
    , m_popup(new QListWidget(this))
    , m_debounce(new QTimer(this))
{
    setPlaceholderText(QStringLiteral("Type part of a %1 or its %2").arg(key.displayColumn, key.parentColumn));
    m_popup->setWindowFlags(Qt::Popup);
    m_popup->setFocusPolicy(Qt::NoFocus);
    m_popup->setFocusProxy(this);
    m_popup->installEventFilter(this);
    m_debounce->setSingleShot(true);
    m_debounce->setInterval(80);
    connect(this, &QLineEdit::textEdited, this, &ForeignKeyEditor::onTextEdited);
    connect(m_debounce, &QTimer::timeout, this, [this] { m_search->search(++m_generation, text()); });
    connect(m_search.get(), &KeySearch::found, this, &ForeignKeyEditor::onFound, Qt::QueuedConnection);
    connect(m_popup, &QListWidget::itemClicked, this, [this](QListWidgetItem* item) { choose(m_popup->row(item)); });
    m_search->start();
}

ForeignKeyEditor::~ForeignKeyEditor() = default;

void ForeignKeyEditor::setCurrent(const QVariant& key, const QString& display)
{
    m_key = key;
    m_display = display;
    setText(display.isEmpty() && key.isValid() ? key.toString() : display);
    selectAll();
}

void ForeignKeyEditor::onTextEdited(const QString& text)
{
    Q_UNUSED(text)
    m_key = QVariant(); // typed text is a search until a match is chosen
    m_debounce->start();
}

void ForeignKeyEditor::onFound(quint64 generation, const KeyMatches& matches)
{
    if (generation != m_generation)
        return;
    m_matches = matches;
    // Typing a value that names exactly one row chooses it, so Enter needs no pick from the list.
    for (const KeyMatch& match : matches) {
        if (match.display == text() || match.key.toString() == text()) {
            m_key = match.key;
            m_display = match.display;
        }
    }
    showPopup();
    emit searched();
}

void ForeignKeyEditor::showPopup()
{
    m_popup->clear();
    for (const KeyMatch& match : m_matches)
        m_popup->addItem(QStringLiteral("%1  \u2014  %2").arg(match.display, match.key.toString()));
    if (m_matches.isEmpty()) {
        m_popup->addItem(QStringLiteral("No match for \u201c%1\u201d").arg(text()));
        m_popup->item(0)->setFlags(Qt::NoItemFlags);
    }
    if (!isVisible())
        return;
    m_popup->setCurrentRow(m_matches.isEmpty() ? -1 : 0);
    const int rows = std::min<int>(int(m_popup->count()), 10);
    m_popup->setGeometry(QRect(mapToGlobal(QPoint(0, height())), QSize(std::max(width(), 260), rows * 22 + 6)));
    m_popup->show();
}

void ForeignKeyEditor::choose(int match)
{
    if (match < 0 || match >= m_matches.size())
        return;
    m_key = m_matches.at(match).key;
    m_display = m_matches.at(match).display;
    setText(m_display);
    m_popup->hide();
    emit editingFinished();
    emit chosen();
}

bool ForeignKeyEditor::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_popup && event->type() == QEvent::KeyPress) {
        auto* key = static_cast<QKeyEvent*>(event);
        switch (key->key()) {
        case Qt::Key_Return:
        case Qt::Key_Enter:
            choose(m_popup->currentRow());
            return true;
        case Qt::Key_Escape:
            m_popup->hide();
            return true;
        case Qt::Key_Up:
        case Qt::Key_Down:
            return false;
        default:
            // Typing goes on in the line edit while the list is open.
            QCoreApplication::sendEvent(this, event);
            return true;
        }
    }
    return QLineEdit::eventFilter(watched, event);
}

void ForeignKeyEditor::focusOutEvent(QFocusEvent* event)
{
    if (!m_popup->isVisible())
        QLineEdit::focusOutEvent(event);
}

} // namespace quarry
