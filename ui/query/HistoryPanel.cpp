#include "HistoryPanel.h"

#include "Dialogs.h"
#include "HistoryModel.h"
#include "query/HistoryStore.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace quarry {

HistoryPanel::HistoryPanel(HistoryStore* store, Dialogs& prompts, std::function<QString()> currentSql, QWidget* parent)
    : QTabWidget(parent)
    , m_store(store)
    , m_prompts(prompts)
    , m_currentSql(std::move(currentSql))
    , m_model(new HistoryModel(this))
{
    setDocumentMode(true);

    auto* history = new QWidget(this);
    auto* historyLayout = new QVBoxLayout(history);
    historyLayout->setContentsMargins(4, 4, 4, 4);
    m_search = new QLineEdit(history);
    m_search->setPlaceholderText(QStringLiteral("Search history"));
    m_search->setClearButtonEnabled(true);
    m_search->setAccessibleName(QStringLiteral("Search history"));
    historyLayout->addWidget(m_search);
    m_view = new QTableView(history);
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(false);
    m_view->horizontalHeader()->setSectionResizeMode(HistoryModel::Sql, QHeaderView::Stretch);
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 6);
    m_view->setWordWrap(false);
    m_view->setAccessibleName(QStringLiteral("Query history"));
    historyLayout->addWidget(m_view, 1);
    auto* historyButtons = new QHBoxLayout;
    auto* insert = new QPushButton(QStringLiteral("Insert into Editor"), history);
    auto* clear = new QPushButton(QStringLiteral("Clear"), history);
    historyButtons->addWidget(insert);
    historyButtons->addStretch(1);
    historyButtons->addWidget(clear);
    historyLayout->addLayout(historyButtons);
    if (!m_store) {
        auto* off = new QLabel(QStringLiteral("The query history could not be opened, so it is not kept."), history);
        off->setWordWrap(true);
        historyLayout->insertWidget(0, off);
    }
    addTab(history, QStringLiteral("History"));

    auto* snippets = new QWidget(this);
    auto* snippetLayout = new QVBoxLayout(snippets);
    snippetLayout->setContentsMargins(4, 4, 4, 4);
    m_snippets = new QListWidget(snippets);
    m_snippets->setAccessibleName(QStringLiteral("Snippets"));
    snippetLayout->addWidget(m_snippets, 1);
    auto* snippetButtons = new QHBoxLayout;
    auto* save = new QPushButton(QStringLiteral("Save Current\u2026"), snippets);
    save->setToolTip(QStringLiteral("Save the editor's selection, or its whole text, under a name."));
    auto* insertSnippet = new QPushButton(QStringLiteral("Insert"), snippets);
    auto* remove = new QPushButton(QStringLiteral("Delete"), snippets);
    snippetButtons->addWidget(save);
    snippetButtons->addWidget(insertSnippet);
    snippetButtons->addStretch(1);
    snippetButtons->addWidget(remove);
    snippetLayout->addLayout(snippetButtons);
    addTab(snippets, QStringLiteral("Snippets"));

    connect(m_search, &QLineEdit::textChanged, this, &HistoryPanel::refresh);
    connect(m_view, &QTableView::activated, this, &HistoryPanel::insertSelectedEntry);
    connect(insert, &QPushButton::clicked, this, &HistoryPanel::insertSelectedEntry);
    connect(clear, &QPushButton::clicked, this, [this] {
        if (!m_store || m_database.isEmpty())
            return;
        if (m_prompts.ask(this, QStringLiteral("Clear History"),
                          QStringLiteral("Forget every statement run against this file?"),
                          QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel) != QMessageBox::Yes)
            return;
        if (Status status = m_store->clear(m_database); !status)
            m_prompts.inform(this, QStringLiteral("Clear History"), status.error().message);
        refresh();
    });
    connect(m_snippets, &QListWidget::itemActivated, this, &HistoryPanel::insertSelectedSnippet);
    connect(insertSnippet, &QPushButton::clicked, this, &HistoryPanel::insertSelectedSnippet);
    connect(save, &QPushButton::clicked, this, [this] { saveSnippet(m_currentSql()); });
    connect(remove, &QPushButton::clicked, this, [this] {
        QListWidgetItem* item = m_snippets->currentItem();
        if (!m_store || !item)
            return;
        if (Status status = m_store->removeSnippet(item->text()); !status)
            m_prompts.inform(this, QStringLiteral("Delete Snippet"), status.error().message);
        refreshSnippets();
    });
    refreshSnippets();
}

void HistoryPanel::setDatabase(const QString& path)
{
    m_database = path;
    refresh();
}

void HistoryPanel::refresh()
{
    if (!m_store || m_database.isEmpty()) {
        m_model->setEntries({});
        return;
    }
    auto entries = m_store->entries(m_database, m_search->text());
    m_model->setEntries(entries ? *entries : QList<HistoryEntry>());
    m_view->resizeColumnToContents(HistoryModel::Time);
    m_view->resizeColumnToContents(HistoryModel::Duration);
    m_view->setColumnWidth(HistoryModel::Outcome, 110);
}

void HistoryPanel::refreshSnippets()
{
    m_snippets->clear();
    if (!m_store)
        return;
    auto snippets = m_store->snippets();
    if (!snippets)
        return;
    for (const Snippet& snippet : *snippets) {
        auto* item = new QListWidgetItem(snippet.name, m_snippets);
        item->setData(Qt::UserRole, snippet.sql);
        item->setToolTip(snippet.sql);
    }
}

bool HistoryPanel::saveSnippet(const QString& sql)
{
    if (!m_store || sql.trimmed().isEmpty())
        return false;
    const auto name =
        m_prompts.askText(this, QStringLiteral("Save Snippet"), QStringLiteral("Name:"), sql.simplified().left(40));
    if (!name)
        return false;
    if (Status status = m_store->saveSnippet(*name, sql); !status) {
        m_prompts.inform(this, QStringLiteral("Save Snippet"), status.error().message);
        return false;
    }
    refreshSnippets();
    setCurrentIndex(1);
    return true;
}

void HistoryPanel::insertSelectedEntry()
{
    const QModelIndex index = m_view->currentIndex();
    if (index.isValid())
        emit insertRequested(index.data(HistoryModel::SqlRole).toString());
}

void HistoryPanel::insertSelectedSnippet()
{
    if (QListWidgetItem* item = m_snippets->currentItem())
        emit insertRequested(item->data(Qt::UserRole).toString());
}

} // namespace quarry
