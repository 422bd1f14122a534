#include "TestFiles.h"

#include "blog/DemoDatabase.h"
#include "blog/Validators.h"
#include "generate/Generator.h"
#include "generate/ProseWriter.h"
#include "generate/TextBuffer.h"
#include "generate/WordCorpus.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QProcess>
#include <QProcessEnvironment>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <atomic>

#ifdef Q_OS_UNIX
#include <csignal>
#include <sys/types.h>
#endif

using namespace quarry;
using quarry::test::TestFiles;

// The Generator and `quarry generate`: exact counts, determinism, valid and realistic values, a clean file
// whose schema is the migrations' own, and the command line around it.
class TestGenerator : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void writesExactlyTheRowsAskedFor_data();
    void writesExactlyTheRowsAskedFor();
    void sameSeedGivesIdenticalRows();
    void deferringTheIndexesChangesNoRow();
    void everyWordFitsTheWritersFixedSizeCopy();
    void differentSeedGivesDifferentRows();
    void usernamesAndEmailsPassTheBlogValidators();
    void titlesAndContentPassTheBlogValidators();
    void timestampsFollowTheStoryOverSeveralYears();
    void fileIsIntactWithNoForeignKeyViolations();
    void authorshipAndCommentsAreSkewed();
    void schemaIsExactlyTheMigrations_data();
    void schemaIsExactlyTheMigrations();
    void refusesAnExistingFileAndLeavesItAlone();
    void refusesImpossibleOptions_data();
    void refusesImpossibleOptions();
    void reportsProgressPhaseByPhase();
    void cancellingStopsTheRunAndLeavesNoFile();
    void matchesScaleRecognisesAFileOfThatScale();
    void commandCreatesTheFileAndReportsProgress();
    void commandRefusesBadUsage_data();
    void commandRefusesBadUsage();
    void commandStopsOnInterruptAndLeavesNoFile();

private:
    QString path(const QString& name) const { return m_dir.filePath(name); }
    // The files in the test's folder whose names start with `name`: the file itself and any partial one.
    QStringList filesNamed(const QString& name) const
    {
        return QDir(m_dir.path()).entryList({name + QLatin1Char('*')}, QDir::Files | QDir::Hidden);
    }
    static GeneratorOptions options(qint64 users, qint64 posts, qint64 comments, quint64 seed = 1);
    static QStringList dump(const QString& file);
    static QStringList column(const QString& file, const QString& sql);
    static qint64 number(const QString& file, const QString& sql)
    {
        return TestFiles::querySql(file, sql).toLongLong();
    }

    QTemporaryDir m_dir;
    QString m_small; // 200 users, 2,000 posts, 5,000 comments, seed 1: shared by the read-only checks
};

GeneratorOptions TestGenerator::options(qint64 users, qint64 posts, qint64 comments, quint64 seed)
{
    GeneratorOptions o;
    o.users = users;
    o.posts = posts;
    o.comments = comments;
    o.seed = seed;
    return o;
}

QStringList TestGenerator::dump(const QString& file)
{
    QStringList rows;
    for (const QString& table : {QStringLiteral("users"), QStringLiteral("posts"), QStringLiteral("comments"),
                                 QStringLiteral("user_profiles")})
        rows += TestFiles::dumpRows(file, QStringLiteral("SELECT * FROM %1 ORDER BY id").arg(table));
    return rows;
}

QStringList TestGenerator::column(const QString& file, const QString& sql)
{
    QStringList values;
    for (const QString& row : TestFiles::dumpRows(file, sql))
        values << row.section(QLatin1Char(':'), 1);
    return values;
}

void TestGenerator::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_small = path(QStringLiteral("small.db"));
    auto report = Generator::generate(m_small, options(200, 2000, 5000));
    QVERIFY2(report, qPrintable(report ? QString() : report.error().message));
}

void TestGenerator::writesExactlyTheRowsAskedFor_data()
{
    QTest::addColumn<qint64>("users");
    QTest::addColumn<qint64>("posts");
    QTest::addColumn<qint64>("comments");
    QTest::newRow("small blog") << qint64(200) << qint64(2000) << qint64(5000);
    QTest::newRow("one of each") << qint64(1) << qint64(1) << qint64(1);
    QTest::newRow("users only") << qint64(3) << qint64(0) << qint64(0);
    QTest::newRow("empty") << qint64(0) << qint64(0) << qint64(0);
    QTest::newRow("few posts, many comments") << qint64(2) << qint64(3) << qint64(500);
    QTest::newRow("not a multiple of any batch") << qint64(1031) << qint64(4099) << qint64(17);
}

void TestGenerator::writesExactlyTheRowsAskedFor()
{
    QFETCH(qint64, users);
    QFETCH(qint64, posts);
    QFETCH(qint64, comments);
    const QString file = path(QStringLiteral("count-%1-%2-%3.db").arg(users).arg(posts).arg(comments));
    auto report = Generator::generate(file, options(users, posts, comments));
    QVERIFY2(report, qPrintable(report ? QString() : report.error().message));
    QCOMPARE(number(file, QStringLiteral("SELECT count(*) FROM users")), users);
    QCOMPARE(number(file, QStringLiteral("SELECT count(*) FROM posts")), posts);
    QCOMPARE(number(file, QStringLiteral("SELECT count(*) FROM comments")), comments);
    QCOMPARE(number(file, QStringLiteral("SELECT count(*) FROM user_profiles")), report->profiles);
    QCOMPARE(report->users, users);
    QCOMPARE(report->posts, posts);
    QCOMPARE(report->comments, comments);
    QCOMPARE(report->rows, users + posts + comments + report->profiles);
    QCOMPARE(report->fileBytes, QFileInfo(file).size());
    QVERIFY(report->seconds > 0.0);
    // Ids are 1..n, as AUTOINCREMENT hands them out.
    QCOMPARE(number(file, QStringLiteral("SELECT coalesce(max(id), 0) FROM posts")), posts);
    if (users >= 100) {
        // About 30% of the users have a profile.
        QVERIFY2(report->profiles > users / 5 && report->profiles < users * 2 / 5,
                 qPrintable(QString::number(report->profiles)));
    }
}

void TestGenerator::sameSeedGivesIdenticalRows()
{
    const QString again = path(QStringLiteral("again.db"));
    QVERIFY(Generator::generate(again, options(200, 2000, 5000)));
    const QStringList first = dump(m_small);
    QCOMPARE(first.size(), 200 + 2000 + 5000 + number(m_small, QStringLiteral("SELECT count(*) FROM user_profiles")));
    QCOMPARE(dump(again), first);
}

void TestGenerator::deferringTheIndexesChangesNoRow()
{
    // Indexes kept during the insert: every row and index entry written in one pass, nothing dropped.
    GeneratorOptions live = options(200, 2000, 5000);
    live.deferIndexes = false;
    const QString file = path(QStringLiteral("live-indexes.db"));
    QVERIFY(Generator::generate(file, live));
    QCOMPARE(dump(m_small), dump(file));
    // The indexes built afterwards hold every row, and the row ids carried on as AUTOINCREMENT expects.
    QCOMPARE(TestFiles::querySql(m_small, QStringLiteral("PRAGMA integrity_check")), QStringLiteral("ok"));
    QCOMPARE(number(m_small, QStringLiteral("SELECT count(*) FROM comments INDEXED BY ix_comments_post_id "
                                            "WHERE post_id > 0")),
             qint64(5000));
    QCOMPARE(TestFiles::dumpRows(m_small, QStringLiteral("SELECT seq FROM sqlite_sequence WHERE name = 'comments'")),
             QStringList{QStringLiteral("integer:5000")});
}

void TestGenerator::differentSeedGivesDifferentRows()
{
    const QString other = path(QStringLiteral("seed2.db"));
    QVERIFY(Generator::generate(other, options(200, 2000, 5000, 2)));
    const QStringList a = dump(m_small);
    const QStringList b = dump(other);
    QCOMPARE(a.size() - number(m_small, QStringLiteral("SELECT count(*) FROM user_profiles")),
             b.size() - number(other, QStringLiteral("SELECT count(*) FROM user_profiles")));
    int differing = 0;
    for (int i = 0; i < 7200; ++i)
        differing += a.at(i) == b.at(i) ? 0 : 1;
    QVERIFY2(differing > 7000, qPrintable(QString::number(differing)));
}

void TestGenerator::usernamesAndEmailsPassTheBlogValidators()
{
    const QString file = path(QStringLiteral("people.db"));
    QVERIFY(Generator::generate(file, options(3000, 0, 0, 99)));
    static const QRegularExpression lowerCaseUsername(QStringLiteral("^[a-z0-9_]{3,50}$"));
    const QStringList usernames = column(file, QStringLiteral("SELECT username FROM users"));
    const QStringList emails = column(file, QStringLiteral("SELECT email FROM users"));
    QCOMPARE(usernames.size(), 3000);
    QCOMPARE(emails.size(), 3000);
    for (const QString& username : usernames) {
        const Status ok = Validators::username(username);
        QVERIFY2(ok, qPrintable(ok ? QString() : ok.error().message));
        QVERIFY2(lowerCaseUsername.match(username).hasMatch(), qPrintable(username));
    }
    for (const QString& email : emails) {
        const Status ok = Validators::email(email);
        QVERIFY2(ok, qPrintable(ok ? QString() : ok.error().message));
    }
    QCOMPARE(QSet<QString>(usernames.cbegin(), usernames.cend()).size(), 3000);
    QCOMPARE(QSet<QString>(emails.cbegin(), emails.cend()).size(), 3000);
    QCOMPARE(number(file, QStringLiteral("SELECT count(*) FROM users WHERE first_name IS NULL OR first_name = ''"
                                         " OR last_name IS NULL OR last_name = ''")),
             qint64(0));
    // Names vary: not one name for everybody.
    QVERIFY(number(file, QStringLiteral("SELECT count(DISTINCT first_name) FROM users")) > 100);
    QVERIFY(number(file, QStringLiteral("SELECT count(DISTINCT last_name) FROM users")) > 100);
}

void TestGenerator::titlesAndContentPassTheBlogValidators()
{
    for (const QString& title : column(m_small, QStringLiteral("SELECT title FROM posts"))) {
        const Status ok = Validators::title(title);
        QVERIFY2(ok, qPrintable(ok ? QString() : ok.error().message));
    }
    for (const QString& sql :
         {QStringLiteral("SELECT content FROM posts"), QStringLiteral("SELECT content FROM comments")}) {
        for (const QString& content : column(m_small, sql)) {
            const Status ok = Validators::content(content);
            QVERIFY2(ok, qPrintable(ok ? QString() : ok.error().message));
        }
    }
    // Paragraphs of varied length, a few hundred bytes on average; comments shorter.
    const qint64 average = number(m_small, QStringLiteral("SELECT CAST(avg(length(content)) AS INTEGER) FROM posts"));
    QVERIFY2(average > 200 && average < 800, qPrintable(QString::number(average)));
    QVERIFY(number(m_small, QStringLiteral("SELECT max(length(content)) FROM posts")) > 3 * average);
    QVERIFY(number(m_small,
                   QStringLiteral("SELECT count(*) FROM posts WHERE content LIKE '%' || char(10, 10) || '%'")) > 0);
    QVERIFY(number(m_small, QStringLiteral("SELECT CAST(avg(length(content)) AS INTEGER) FROM comments")) < average);
    QVERIFY(number(m_small, QStringLiteral("SELECT count(DISTINCT title) FROM posts")) > 1000);
    // Profiles: some bios NULL, every avatar URL names its user.
    QVERIFY(number(m_small, QStringLiteral("SELECT count(*) FROM user_profiles WHERE bio IS NULL")) > 0);
    QCOMPARE(number(m_small,
                    QStringLiteral("SELECT count(*) FROM user_profiles AS p JOIN users AS u ON u.id = p.user_id"
                                   " WHERE p.avatar_url <> 'https://avatars.example.com/' || u.username || '.png'")),
             qint64(0));
}

void TestGenerator::timestampsFollowTheStoryOverSeveralYears()
{
    const QString shape =
        QStringLiteral("'[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9] [0-2][0-9]:[0-5][0-9]:[0-5][0-9]'");
    for (const QString& table : {QStringLiteral("users"), QStringLiteral("posts"), QStringLiteral("comments"),
                                 QStringLiteral("user_profiles")}) {
        QCOMPARE(number(m_small, QStringLiteral("SELECT count(*) FROM %1 WHERE typeof(created_at) <> 'text'"
                                                " OR created_at NOT GLOB %2 OR datetime(created_at) <> created_at")
                                     .arg(table, shape)),
                 qint64(0));
    }
    // Users sign up before they post or comment; comments come after their post.
    QCOMPARE(number(m_small, QStringLiteral("SELECT count(*) FROM posts AS p JOIN users AS u ON u.id = p.author_id"
                                            " WHERE p.created_at <= u.created_at")),
             qint64(0));
    QCOMPARE(number(m_small, QStringLiteral("SELECT count(*) FROM comments AS c JOIN posts AS p ON p.id = c.post_id"
                                            " WHERE c.created_at <= p.created_at")),
             qint64(0));
    QCOMPARE(number(m_small, QStringLiteral("SELECT count(*) FROM comments AS c JOIN users AS u ON u.id = c.author_id"
                                            " WHERE c.created_at <= u.created_at")),
             qint64(0));
    QCOMPARE(
        number(m_small, QStringLiteral("SELECT count(*) FROM user_profiles AS p JOIN users AS u ON u.id = p.user_id"
                                       " WHERE p.created_at < u.created_at")),
        qint64(0));
    // Ids follow time, as in a real blog.
    for (const QString& table : {QStringLiteral("users"), QStringLiteral("posts"), QStringLiteral("comments")}) {
        QCOMPARE(number(m_small, QStringLiteral("SELECT count(*) FROM (SELECT created_at < lag(created_at) OVER"
                                                " (ORDER BY id) AS earlier FROM %1) WHERE earlier")
                                     .arg(table)),
                 qint64(0));
    }
    // Spread over several years, within the default period.
    const qint64 years = number(m_small, QStringLiteral("SELECT count(DISTINCT substr(created_at, 1, 4)) FROM posts"));
    QVERIFY2(years >= 5, qPrintable(QString::number(years)));
    QVERIFY(TestFiles::querySql(m_small, QStringLiteral("SELECT min(created_at) FROM users")) >=
            QStringLiteral("2017-01-01"));
    QVERIFY(TestFiles::querySql(m_small, QStringLiteral("SELECT max(created_at) FROM comments")) <
            QStringLiteral("2026-07-01"));
}

void TestGenerator::fileIsIntactWithNoForeignKeyViolations()
{
    QCOMPARE(TestFiles::querySql(m_small, QStringLiteral("PRAGMA integrity_check")), QStringLiteral("ok"));
    QVERIFY(TestFiles::dumpRows(m_small, QStringLiteral("PRAGMA foreign_key_check")).isEmpty());
    // No file other than the result is left beside it.
    const QStringList leftovers =
        QDir(m_dir.path()).entryList({QStringLiteral("*.partial*"), QStringLiteral("*-journal")}, QDir::Files);
    QVERIFY2(leftovers.isEmpty(), qPrintable(leftovers.join(QLatin1Char(' '))));
}

void TestGenerator::authorshipAndCommentsAreSkewed()
{
    QList<qint64> postsPerUser;
    for (const QString& n :
         column(m_small, QStringLiteral("SELECT (SELECT count(*) FROM posts AS p WHERE p.author_id = u.id)"
                                        " FROM users AS u")))
        postsPerUser << n.toLongLong();
    std::sort(postsPerUser.begin(), postsPerUser.end());
    const qint64 median = postsPerUser.at(postsPerUser.size() / 2);
    const qint64 most = postsPerUser.last();
    QVERIFY2(most >= 10 * std::max<qint64>(median, 1),
             qPrintable(QStringLiteral("max %1, median %2").arg(most).arg(median)));
    QVERIFY2(postsPerUser.first() == 0, "some users never post");
    const qint64 busiestPost =
        number(m_small, QStringLiteral("SELECT max(n) FROM (SELECT count(*) AS n FROM comments GROUP BY post_id)"));
    QVERIFY2(busiestPost >= 10 * (5000 / 2000), qPrintable(QString::number(busiestPost)));
    QVERIFY(number(m_small,
                   QStringLiteral("SELECT count(*) FROM posts WHERE id NOT IN (SELECT post_id FROM comments)")) > 0);
    // Comment authors are spread over the users.
    QVERIFY(number(m_small, QStringLiteral("SELECT count(DISTINCT author_id) FROM comments")) > 150);
}

void TestGenerator::schemaIsExactlyTheMigrations_data()
{
    QTest::addColumn<bool>("deferIndexes");
    QTest::newRow("indexes built after the rows") << true;
    QTest::newRow("indexes kept during the insert") << false;
}

void TestGenerator::schemaIsExactlyTheMigrations()
{
    QFETCH(bool, deferIndexes);
    const QString fresh = path(QStringLiteral("fresh-%1.db").arg(deferIndexes));
    QVERIFY(DemoDatabase::create(fresh, false));
    GeneratorOptions o = options(30, 100, 100);
    o.deferIndexes = deferIndexes;
    const QString generated = path(QStringLiteral("schema-%1.db").arg(deferIndexes));
    QVERIFY(Generator::generate(generated, o));
    // Same objects, same SQL, same order (rowid order of sqlite_schema); root pages may differ.
    const QString schema =
        QStringLiteral("SELECT type, name, tbl_name, sql FROM sqlite_schema WHERE name <> 'sqlite_sequence'"
                       " ORDER BY rowid");
    const QStringList expected = TestFiles::dumpRows(fresh, schema);
    QVERIFY(expected.size() >= 10);
    QCOMPARE(TestFiles::dumpRows(generated, schema), expected);
    QCOMPARE(TestFiles::querySql(generated, QStringLiteral("PRAGMA user_version")),
             TestFiles::querySql(fresh, QStringLiteral("PRAGMA user_version")));
    QCOMPARE(TestFiles::dumpRows(generated, QStringLiteral("SELECT name, seq FROM sqlite_sequence ORDER BY name")),
             (QStringList{QStringLiteral("text:comments|integer:100"), QStringLiteral("text:posts|integer:100"),
                          QStringLiteral("text:users|integer:30")}));
    // A normal rollback journal, not the generator's settings.
    QCOMPARE(TestFiles::querySql(generated, QStringLiteral("PRAGMA journal_mode")), QStringLiteral("delete"));
}

void TestGenerator::refusesAnExistingFileAndLeavesItAlone()
{
    const QString file = path(QStringLiteral("precious.db"));
    QVERIFY(TestFiles::write(file, QByteArray("precious")));
    auto report = Generator::generate(file, options(10, 10, 10));
    QVERIFY(!report);
    QCOMPARE(report.error().kind, Error::Kind::Usage);
    QVERIFY2(report.error().message.contains(QStringLiteral("already exists")), qPrintable(report.error().message));
    QCOMPARE(TestFiles::read(file), QByteArray("precious"));

    auto missingFolder = Generator::generate(path(QStringLiteral("no/such/folder.db")), options(1, 1, 1));
    QVERIFY(!missingFolder);
    QCOMPARE(missingFolder.error().kind, Error::Kind::NotFound);
    QVERIFY(QDir(m_dir.path()).entryList({QStringLiteral("*.partial")}, QDir::Files).isEmpty());
}

void TestGenerator::refusesImpossibleOptions_data()
{
    QTest::addColumn<qint64>("users");
    QTest::addColumn<qint64>("posts");
    QTest::addColumn<qint64>("comments");
    QTest::addColumn<qint64>("period");
    QTest::addColumn<QString>("reason");
    const qint64 years = 10 * 365 * 86400LL;
    QTest::newRow("posts without users") << qint64(0) << qint64(5) << qint64(0) << years << QStringLiteral("authors");
    QTest::newRow("comments without posts") << qint64(5) << qint64(0) << qint64(5) << years << QStringLiteral("posts");
    QTest::newRow("negative count") << qint64(-1) << qint64(0) << qint64(0) << years << QStringLiteral("between 0");
    QTest::newRow("period too short") << qint64(1) << qint64(1) << qint64(1) << qint64(86400)
                                      << QStringLiteral("three days");
}

void TestGenerator::refusesImpossibleOptions()
{
    QFETCH(qint64, users);
    QFETCH(qint64, posts);
    QFETCH(qint64, comments);
    QFETCH(qint64, period);
    QFETCH(QString, reason);
    GeneratorOptions o = options(users, posts, comments);
    o.endTime = o.startTime + period;
    const Status valid = Generator::validate(o);
    QVERIFY(!valid);
    QCOMPARE(valid.error().kind, Error::Kind::Usage);
    QVERIFY2(valid.error().message.contains(reason), qPrintable(valid.error().message));
    const QString file = path(QStringLiteral("refused.db"));
    QVERIFY(!Generator::generate(file, o));
    QVERIFY(!QFileInfo::exists(file));
}

void TestGenerator::reportsProgressPhaseByPhase()
{
    QList<GeneratorProgress> seen;
    auto report = Generator::generate(path(QStringLiteral("progress.db")), options(50, 300, 400),
                                      [&seen](const GeneratorProgress& p) { seen << p; });
    QVERIFY(report);
    QVERIFY(!seen.isEmpty());
    QList<GeneratorProgress::Phase> phases;
    for (const GeneratorProgress& p : std::as_const(seen)) {
        if (phases.isEmpty() || phases.last() != p.phase)
            phases << p.phase;
        QVERIFY(p.done >= 0 && p.done <= p.total);
    }
    using Phase = GeneratorProgress::Phase;
    QCOMPARE(phases, (QList<Phase>{Phase::Users, Phase::Posts, Phase::Comments, Phase::Indexes, Phase::Profiles}));
    for (int i = 1; i < seen.size(); ++i)
        QVERIFY(seen.at(i).rows >= seen.at(i - 1).rows);
    QCOMPARE(seen.last().rows, report->rows);
    QCOMPARE(seen.last().done, seen.last().total);
    const auto posts =
        std::find_if(seen.crbegin(), seen.crend(), [](const GeneratorProgress& p) { return p.phase == Phase::Posts; });
    QCOMPARE(posts->done, qint64(300));
    QCOMPARE(GeneratorProgress::phaseName(Phase::Posts), QStringLiteral("posts"));
}

void TestGenerator::cancellingStopsTheRunAndLeavesNoFile()
{
    const QString name = QStringLiteral("cancelled.db");
    std::atomic<bool> cancelled{false};
    QList<GeneratorProgress::Phase> phases;
    bool partialSeen = false;
    auto report = Generator::generate(
        path(name), options(500, 50000, 50000),
        [&](const GeneratorProgress& p) {
            phases << p.phase;
            if (p.phase == GeneratorProgress::Phase::Posts && !cancelled) {
                partialSeen =
                    filesNamed(name).size() == 1 && filesNamed(name).constFirst().endsWith(QLatin1String(".partial"));
                cancelled = true;
            }
        },
        &cancelled);
    QVERIFY(partialSeen);
    QVERIFY(!report);
    QCOMPARE(report.error().kind, Error::Kind::Cancelled);
    QCOMPARE(report.error().message,
             QStringLiteral("Cancelled: \u201c%1\u201d was not created.").arg(QDir::toNativeSeparators(path(name))));
    // Stopped inside the posts: SQLite looks at the flag every few thousand rows.
    QVERIFY(!phases.contains(GeneratorProgress::Phase::Comments));
    QCOMPARE(filesNamed(name), QStringList());

    // The flag is only read: the same name can be generated afterwards.
    QVERIFY(Generator::generate(path(name), options(5, 10, 10)));
    QCOMPARE(filesNamed(name), QStringList{name});
}

void TestGenerator::matchesScaleRecognisesAFileOfThatScale()
{
    QVERIFY(Generator::matchesScale(m_small, options(200, 2000, 5000)));
    QVERIFY(Generator::matchesScale(m_small, options(200, 2000, 5000, 42))); // the seed cannot be told
    QVERIFY(!Generator::matchesScale(m_small, options(200, 2000, 5001)));
    QVERIFY(!Generator::matchesScale(m_small, options(201, 2000, 5000)));
    QVERIFY(!Generator::matchesScale(path(QStringLiteral("missing.db")), options(200, 2000, 5000)));
    const QString demo = path(QStringLiteral("demo.db"));
    QVERIFY(DemoDatabase::create(demo, true));
    QVERIFY(!Generator::matchesScale(demo, options(200, 2000, 5000)));
    const QString notADatabase = path(QStringLiteral("text.db"));
    QVERIFY(TestFiles::write(notADatabase, QByteArray("not a database")));
    QVERIFY(!Generator::matchesScale(notADatabase, options(0, 0, 0)));
}

void TestGenerator::commandCreatesTheFileAndReportsProgress()
{
    const QString file = path(QStringLiteral("cli.db"));
    auto run = TestFiles::runQuarry({QStringLiteral("generate"), file, QStringLiteral("--users"), QStringLiteral("200"),
                                     QStringLiteral("--posts"), QStringLiteral("2000"), QStringLiteral("--comments"),
                                     QStringLiteral("5000")});
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(run.out.contains(QStringLiteral("200 users, 2,000 posts, 5,000 comments")), qPrintable(run.out));
    QVERIFY2(run.out.contains(QStringLiteral("rows/s")), qPrintable(run.out));
    QVERIFY2(run.err.contains(QStringLiteral("posts 2,000 / 2,000")), qPrintable(run.err));
    QVERIFY2(run.err.contains(QStringLiteral("indexes")), qPrintable(run.err));
    // The default seed is 1: the same rows as the library made.
    QCOMPARE(dump(file), dump(m_small));

    const QString seeded = path(QStringLiteral("cli-seed.db"));
    QCOMPARE(TestFiles::runQuarry({QStringLiteral("generate"), seeded, QStringLiteral("--users=20"),
                                   QStringLiteral("--posts=30"), QStringLiteral("--comments=40"),
                                   QStringLiteral("--seed=123456789012345")})
                 .exitCode,
             0);
    const QString library = path(QStringLiteral("lib-seed.db"));
    QVERIFY(Generator::generate(library, options(20, 30, 40, 123456789012345)));
    QCOMPARE(dump(seeded), dump(library));

    auto again = TestFiles::runQuarry({QStringLiteral("generate"), file, QStringLiteral("--users"), QStringLiteral("1"),
                                       QStringLiteral("--posts"), QStringLiteral("0"), QStringLiteral("--comments"),
                                       QStringLiteral("0")});
    QCOMPARE(again.exitCode, 1);
    QVERIFY2(again.err.contains(QStringLiteral("already exists")), qPrintable(again.err));
    QCOMPARE(number(file, QStringLiteral("SELECT count(*) FROM users")), qint64(200));
}

void TestGenerator::commandRefusesBadUsage_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("message");
    const QString g = QStringLiteral("generate");
    const QString f = QStringLiteral("bad.db");
    QTest::newRow("missing --users") << QStringList{g, f, QStringLiteral("--posts=1"), QStringLiteral("--comments=0")}
                                     << QStringLiteral("--users is required");
    QTest::newRow("missing --comments") << QStringList{g, f, QStringLiteral("--users=1"), QStringLiteral("--posts=1")}
                                        << QStringLiteral("--comments is required");
    QTest::newRow("not a number") << QStringList{g, f, QStringLiteral("--users=many"), QStringLiteral("--posts=1"),
                                                 QStringLiteral("--comments=0")}
                                  << QStringLiteral("whole number");
    QTest::newRow("negative") << QStringList{g, f, QStringLiteral("--users=-3"), QStringLiteral("--posts=0"),
                                             QStringLiteral("--comments=0")}
                              << QStringLiteral("whole number");
    QTest::newRow("bad seed") << QStringList{g,
                                             f,
                                             QStringLiteral("--users=1"),
                                             QStringLiteral("--posts=0"),
                                             QStringLiteral("--comments=0"),
                                             QStringLiteral("--seed=x")}
                              << QStringLiteral("--seed");
    QTest::newRow("posts without users") << QStringList{g, f, QStringLiteral("--users=0"), QStringLiteral("--posts=4"),
                                                        QStringLiteral("--comments=0")}
                                         << QStringLiteral("authors");
    QTest::newRow("missing file") << QStringList{g, QStringLiteral("--users=1"), QStringLiteral("--posts=0"),
                                                 QStringLiteral("--comments=0")}
                                  << QStringLiteral("missing argument");
    QTest::newRow("unknown option") << QStringList{g,
                                                   f,
                                                   QStringLiteral("--users=1"),
                                                   QStringLiteral("--posts=0"),
                                                   QStringLiteral("--comments=0"),
                                                   QStringLiteral("--fast")}
                                    << QStringLiteral("fast");
}

void TestGenerator::commandRefusesBadUsage()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, message);
    const QString file = path(QStringLiteral("bad.db"));
    for (QString& argument : arguments) {
        if (argument == QStringLiteral("bad.db"))
            argument = file;
    }
    auto run = TestFiles::runQuarry(arguments);
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains(message), qPrintable(run.err));
    QCOMPARE(run.err.count(QLatin1Char('\n')), 1);
    QVERIFY(!QFileInfo::exists(file));
}

// The prose writer copies each word as one fixed-size block of TextBuffer::kPadded bytes, made once from the
// word lists: a longer word (or plural) would be cut short without a word of warning.
void TestGenerator::everyWordFitsTheWritersFixedSizeCopy()
{
    QStringList tooLong;
    auto check = [&](std::string_view word) {
        if (qsizetype(word.size()) > TextBuffer::kPadded)
            tooLong << QString::fromUtf8(word.data(), qsizetype(word.size()));
    };
    for (const auto list : {WordCorpus::nouns(), WordCorpus::adjectives(), WordCorpus::prepositions(),
                            WordCorpus::pronouns(), WordCorpus::singularDeterminers(), WordCorpus::pluralDeterminers(),
                            WordCorpus::openers(), WordCorpus::conjunctions()}) {
        for (const std::string_view word : list)
            check(word);
    }
    for (const WordCorpus::Verb& verb : WordCorpus::verbs()) {
        check(verb.base);
        check(verb.past);
    }
    for (const std::string_view noun : WordCorpus::nouns()) {
        char plural[64];
        TextBuffer text(plural, sizeof plural);
        ProseWriter::appendPlural(text, noun);
        check(std::string_view(plural, size_t(text.size())));
    }
    QVERIFY2(tooLong.isEmpty(), qPrintable(tooLong.join(QStringLiteral(", "))));
}

void TestGenerator::commandStopsOnInterruptAndLeavesNoFile()
{
#ifndef Q_OS_UNIX
    QSKIP("Sends SIGINT, which only POSIX systems have.");
#else
    // Large enough to be inserting posts for seconds when Ctrl+C comes.
    const QString name = QStringLiteral("interrupted.db");
    QProcess process;
    process.start(QProcessEnvironment::systemEnvironment().value(QStringLiteral("QUARRY_BINARY")),
                  {QStringLiteral("generate"), path(name), QStringLiteral("--users=20000"),
                   QStringLiteral("--posts=5000000"), QStringLiteral("--comments=0")});
    QVERIFY(process.waitForStarted());
    QByteArray err;
    const QDeadlineTimer deadline(60000);
    while (!err.contains("posts 0 /") && process.state() == QProcess::Running && !deadline.hasExpired()) {
        process.waitForReadyRead(500);
        err += process.readAllStandardError();
    }
    QVERIFY2(err.contains("posts 0 /"), err.constData());
    QCOMPARE(filesNamed(name).size(), 1); // the partial file, gigabytes at scale
    QCOMPARE(::kill(pid_t(process.processId()), SIGINT), 0);
    QVERIFY(process.waitForFinished(60000));
    err += process.readAllStandardError();
    QCOMPARE(process.exitStatus(), QProcess::NormalExit);
    QCOMPARE(process.exitCode(), 1);
    QVERIFY2(err.endsWith(QStringLiteral("quarry: Cancelled: \u201c%1\u201d was not created.\n")
                              .arg(QDir::toNativeSeparators(path(name)))
                              .toUtf8()),
             err.constData());
    QVERIFY2(!err.contains("posts 5,000,000 /"), err.constData());
    QCOMPARE(filesNamed(name), QStringList());
#endif
}

QTEST_GUILESS_MAIN(TestGenerator)
#include "tst_generator.moc"
