#include "stats/StatsDock.h"

#include "stats/StatsPage.h"
#include "stats/StatsQueries.h"
#include "stats/StatsRunner.h"

#include <QTabWidget>

namespace quarry {

StatsDock::StatsDock(QWidget* parent)
    : QDockWidget(tr("Stats"), parent), m_runner(std::make_unique<StatsRunner>()), m_tabs(new QTabWidget(this))
{
    setObjectName(QStringLiteral("statsDock"));
    m_tabs->setDocumentMode(true);
    for (const StatsPanel& panel : StatsQueries::all()) {
        auto* page = new StatsPage(panel, *m_runner, m_tabs);
        page->setObjectName(panel.name);
        m_tabs->addTab(page, panel.title);
        m_tabs->setTabToolTip(m_tabs->count() - 1, panel.description);
        connect(page, &StatsPage::openInEditorRequested, this, &StatsDock::openInEditorRequested);
        m_pages << page;
    }
    setWidget(m_tabs);
}

StatsDock::~StatsDock()
{
    // The pages hold a reference to the runner: take them down first, then stop the worker.
    delete m_tabs;
    m_pages.clear();
}

void StatsDock::setDatabase(const QString& path)
{
    m_runner->setDatabase(path);
    for (StatsPage* page : std::as_const(m_pages))
        page->clear();
    if (!path.isEmpty())
        refresh();
}

void StatsDock::setUnavailable(const QString& reason)
{
    m_runner->setDatabase(QString());
    for (StatsPage* page : std::as_const(m_pages))
        page->clear(reason);
}

QString StatsDock::notABlogDatabaseText()
{
    return tr("Stats need a blog database (tables users, posts and comments).");
}

QString StatsDock::database() const
{
    return m_runner->database();
}

void StatsDock::refresh()
{
    if (m_runner->database().isEmpty())
        return;
    for (StatsPage* page : std::as_const(m_pages))
        page->markStale();
    if (StatsPage* page = currentPage(); page && page->isVisible())
        page->refresh();
}

QStringList StatsDock::panelNames() const
{
    return StatsQueries::names();
}

StatsPage* StatsDock::page(const QString& panel) const
{
    for (StatsPage* page : m_pages) {
        if (page->panel().name == panel)
            return page;
    }
    return nullptr;
}

StatsPage* StatsDock::currentPage() const
{
    return qobject_cast<StatsPage*>(m_tabs->currentWidget());
}

void StatsDock::showPanel(const QString& panel)
{
    if (StatsPage* target = page(panel))
        m_tabs->setCurrentWidget(target);
}

} // namespace quarry
