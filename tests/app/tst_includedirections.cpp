// The one place the folders of app/ say which others they may include. Every "#include" under app/ is read and
// checked against the rules below, so an include that goes the wrong way fails CI, naming the file, the line and
// the folder it reached into. Folders depend downwards only: core at the bottom, database above it, the jobs
// (schema, write, blog, generate, models, query, stats) above that, and cli on top. Nothing in app/ includes ui/.
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QRegularExpression>
#include <QSet>
#include <QStringList>
#include <QTest>

namespace {

struct Rule {
    QString folder;
    QStringList mayInclude; // besides itself
};

// The allowed directions. A new folder under app/ needs a line here.
const QList<Rule> kRules = {
    {QStringLiteral("core"), {}},
    {QStringLiteral("database"), {QStringLiteral("core")}},
    {QStringLiteral("schema"), {QStringLiteral("core"), QStringLiteral("database")}},
    {QStringLiteral("write"), {QStringLiteral("core"), QStringLiteral("database")}},
    {QStringLiteral("blog"),
     {QStringLiteral("core"), QStringLiteral("database"), QStringLiteral("schema"), QStringLiteral("write")}},
    {QStringLiteral("generate"), {QStringLiteral("core"), QStringLiteral("database"), QStringLiteral("schema")}},
    {QStringLiteral("models"),
     {QStringLiteral("core"), QStringLiteral("database"), QStringLiteral("schema"), QStringLiteral("write")}},
    {QStringLiteral("query"), {QStringLiteral("core"), QStringLiteral("database")}},
    {QStringLiteral("stats"), {QStringLiteral("core"), QStringLiteral("database")}},
    {QStringLiteral("cli"),
     {QStringLiteral("core"), QStringLiteral("database"), QStringLiteral("schema"), QStringLiteral("write"),
      QStringLiteral("blog"), QStringLiteral("generate"), QStringLiteral("models"), QStringLiteral("query"),
      QStringLiteral("stats")}},
};

struct Exception {
    QString file; // relative to app/
    QString folder;
};

// Includes that go the wrong way today, each one to fix (then drop its line).
const QList<Exception> kKnownExceptions = {
    // To fix: the generic write path calls the blog's Normaliser and Validators; the blog's rules should plug in.
    {QStringLiteral("write/ChangeWriter.cpp"), QStringLiteral("blog")},
    // To fix: a generic cell edit calls the blog's Normaliser and Validators; the blog's rules should plug in.
    {QStringLiteral("models/TableModel.cpp"), QStringLiteral("blog")},
    // To fix: browsing computes the users' full name with the blog's FullName; the blog should register it.
    {QStringLiteral("models/DatabaseSession.cpp"), QStringLiteral("blog")},
};

QString sourceDir()
{
    return QStringLiteral(QUARRY_SOURCE_DIR);
}

struct Include {
    QString file; // relative to app/
    int line = 0;
    QString folder; // the folder of app/ it reaches, or "ui/..." for a header of the window
};

// The folder of app/ (or of ui/) that `header`, included from `file`, resolves to; empty when it is no file of
// the project's own (a generated header, say).
QString folderOf(const QString& file, const QString& header)
{
    const QDir app(sourceDir() + QStringLiteral("/app"));
    const QDir ui(sourceDir() + QStringLiteral("/ui"));
    const QString beside = QFileInfo(app.filePath(file)).dir().filePath(header);
    if (QFileInfo::exists(app.filePath(header)))
        return header.section(QLatin1Char('/'), 0, 0, QString::SectionSkipEmpty);
    if (QFileInfo::exists(beside))
        return app.relativeFilePath(beside).section(QLatin1Char('/'), 0, 0);
    if (QFileInfo::exists(ui.filePath(header)))
        return QStringLiteral("ui/") + header;
    return {};
}

QList<Include> includesUnderApp()
{
    static const QRegularExpression include(QStringLiteral("^\\s*#\\s*include\\s*\"([^\"]+)\""));
    const QDir app(sourceDir() + QStringLiteral("/app"));
    QList<Include> found;
    QDirIterator it(app.path(), {QStringLiteral("*.h"), QStringLiteral("*.cpp")}, QDir::Files,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        QFile source(path);
        if (!source.open(QIODevice::ReadOnly | QIODevice::Text))
            continue;
        const QString file = app.relativeFilePath(path);
        int number = 0;
        while (!source.atEnd()) {
            ++number;
            const QString text = QString::fromUtf8(source.readLine());
            const QRegularExpressionMatch match = include.match(text);
            if (!match.hasMatch())
                continue;
            const QString folder = folderOf(file, match.captured(1));
            if (!folder.isEmpty())
                found.append({file, number, folder});
        }
    }
    return found;
}

QString folderOfFile(const QString& file)
{
    return file.contains(QLatin1Char('/')) ? file.section(QLatin1Char('/'), 0, 0) : QString();
}

const Rule* ruleFor(const QString& folder)
{
    for (const Rule& rule : kRules) {
        if (rule.folder == folder)
            return &rule;
    }
    return nullptr;
}

bool isKnownException(const Include& include)
{
    for (const Exception& exception : kKnownExceptions) {
        if (exception.file == include.file && exception.folder == include.folder)
            return true;
    }
    return false;
}

} // namespace

class TestIncludeDirections : public QObject {
    Q_OBJECT

private slots:
    void everyFolderOfAppHasARule();
    void rulesPointOneWay();
    void includesGoOnlyWhereTheRulesAllow();
    void reportsKnownExceptionsThatNoLongerHappen();
};

void TestIncludeDirections::everyFolderOfAppHasARule()
{
    const QDir app(sourceDir() + QStringLiteral("/app"));
    QVERIFY2(app.exists(), qPrintable(app.path()));
    QStringList missing;
    for (const QString& folder : app.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        if (!ruleFor(folder))
            missing << QStringLiteral("app/%1 has no rule in tst_includedirections.cpp: say what it may include")
                           .arg(folder);
    }
    for (const Include& include : includesUnderApp()) {
        if (folderOfFile(include.file).isEmpty())
            missing << QStringLiteral("app/%1 is in no folder: put it in the folder of its job").arg(include.file);
    }
    missing.removeDuplicates();
    QVERIFY2(missing.isEmpty(), qPrintable(missing.join(QLatin1Char('\n'))));
}

// No two folders may include each other, directly or through others: the rules form layers.
void TestIncludeDirections::rulesPointOneWay()
{
    for (const Rule& rule : kRules) {
        QSet<QString> reached;
        QStringList queue = rule.mayInclude;
        while (!queue.isEmpty()) {
            const QString next = queue.takeFirst();
            QVERIFY2(next != rule.folder, qPrintable(QStringLiteral("%1 may reach itself").arg(rule.folder)));
            if (reached.contains(next))
                continue;
            reached.insert(next);
            const Rule* below = ruleFor(next);
            QVERIFY2(below, qPrintable(QStringLiteral("%1 may include %2, which has no rule").arg(rule.folder, next)));
            queue << below->mayInclude;
        }
    }
}

void TestIncludeDirections::includesGoOnlyWhereTheRulesAllow()
{
    const QList<Include> includes = includesUnderApp();
    QVERIFY(!includes.isEmpty());
    QStringList wrong;
    for (const Include& include : includes) {
        const QString from = folderOfFile(include.file);
        if (include.folder == from || isKnownException(include))
            continue;
        const Rule* rule = ruleFor(from);
        if (include.folder.startsWith(QStringLiteral("ui/")))
            wrong << QStringLiteral("app/%1:%2 includes %3: nothing in app/ may include ui/")
                         .arg(include.file)
                         .arg(include.line)
                         .arg(include.folder);
        else if (rule && !rule->mayInclude.contains(include.folder))
            wrong << QStringLiteral("app/%1:%2 includes %3/, which %4/ may not include (allowed: %5)")
                         .arg(include.file)
                         .arg(include.line)
                         .arg(include.folder, from,
                              rule->mayInclude.isEmpty() ? QStringLiteral("nothing")
                                                         : rule->mayInclude.join(QStringLiteral(", ")));
    }
    QVERIFY2(wrong.isEmpty(), qPrintable(wrong.join(QLatin1Char('\n'))));
}

// A known exception that no longer happens is only reported, so the change that fixes it passes; drop its line.
void TestIncludeDirections::reportsKnownExceptionsThatNoLongerHappen()
{
    const QList<Include> includes = includesUnderApp();
    for (const Exception& exception : kKnownExceptions) {
        bool happens = false;
        for (const Include& include : includes)
            happens = happens || (include.file == exception.file && include.folder == exception.folder);
        if (!happens)
            qWarning("app/%s no longer includes %s/: drop its known exception in tst_includedirections.cpp",
                     qPrintable(exception.file), qPrintable(exception.folder));
    }
}

QTEST_GUILESS_MAIN(TestIncludeDirections)
#include "tst_includedirections.moc"
