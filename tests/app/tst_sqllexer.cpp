#include "query/SqlLexer.h"

#include <QTest>

using namespace quarry;

class TestSqlLexer : public QObject {
    Q_OBJECT

private slots:
    void tokenizesByKind_data();
    void tokenizesByKind();
    void carriesOpenCommentsAndStringsAcrossLines_data();
    void carriesOpenCommentsAndStringsAcrossLines();
    void knowsSqliteKeywords();
};

namespace {

QString kindName(SqlToken::Kind kind)
{
    switch (kind) {
    case SqlToken::Kind::Whitespace:
        return QStringLiteral("ws");
    case SqlToken::Kind::Comment:
        return QStringLiteral("comment");
    case SqlToken::Kind::Word:
        return QStringLiteral("word");
    case SqlToken::Kind::QuotedIdentifier:
        return QStringLiteral("quoted");
    case SqlToken::Kind::String:
        return QStringLiteral("string");
    case SqlToken::Kind::Blob:
        return QStringLiteral("blob");
    case SqlToken::Kind::Number:
        return QStringLiteral("number");
    case SqlToken::Kind::Parameter:
        return QStringLiteral("param");
    case SqlToken::Kind::Punctuation:
        return QStringLiteral("punct");
    case SqlToken::Kind::Operator:
        return QStringLiteral("op");
    }
    return {};
}

} // namespace

void TestSqlLexer::tokenizesByKind_data()
{
    QTest::addColumn<QString>("sql");
    QTest::addColumn<QStringList>("tokens"); // "kind:text" of the significant tokens

    QTest::newRow("select") << QStringLiteral("SELECT a, b FROM t;")
                            << QStringList{QStringLiteral("word:SELECT"), QStringLiteral("word:a"),
                                           QStringLiteral("punct:,"),     QStringLiteral("word:b"),
                                           QStringLiteral("word:FROM"),   QStringLiteral("word:t"),
                                           QStringLiteral("punct:;")};
    QTest::newRow("strings and names") << QStringLiteral("'it''s' \"a\"\"b\" [x y] `z`")
                                       << QStringList{QStringLiteral("string:'it''s'"),
                                                      QStringLiteral("quoted:\"a\"\"b\""),
                                                      QStringLiteral("quoted:[x y]"), QStringLiteral("quoted:`z`")};
    QTest::newRow("numbers and blob") << QStringLiteral("12 1.5e3 .5 0x1F x'0A'")
                                      << QStringList{QStringLiteral("number:12"), QStringLiteral("number:1.5e3"),
                                                     QStringLiteral("number:.5"), QStringLiteral("number:0x1F"),
                                                     QStringLiteral("blob:x'0A'")};
    QTest::newRow("parameters") << QStringLiteral("? ?12 :name @at $dollar")
                                << QStringList{QStringLiteral("param:?"), QStringLiteral("param:?12"),
                                               QStringLiteral("param::name"), QStringLiteral("param:@at"),
                                               QStringLiteral("param:$dollar")};
    QTest::newRow("operators") << QStringLiteral("a||b <= c <> d ->> e")
                               << QStringList{
                                      QStringLiteral("word:a"), QStringLiteral("op:||"),  QStringLiteral("word:b"),
                                      QStringLiteral("op:<="),  QStringLiteral("word:c"), QStringLiteral("op:<>"),
                                      QStringLiteral("word:d"), QStringLiteral("op:->>"), QStringLiteral("word:e")};
    QTest::newRow("comments are not significant")
        << QStringLiteral("a -- b\n/* c */ d") << QStringList{QStringLiteral("word:a"), QStringLiteral("word:d")};
    QTest::newRow("non-ascii identifier")
        << QStringLiteral("SELECT caf\u00e9")
        << QStringList{QStringLiteral("word:SELECT"), QStringLiteral("word:caf\u00e9")};
}

void TestSqlLexer::tokenizesByKind()
{
    QFETCH(QString, sql);
    QFETCH(QStringList, tokens);
    QStringList actual;
    for (const SqlToken& token : SqlLexer::significantTokens(sql))
        actual << kindName(token.kind) + u':' + token.text(sql).toString();
    QCOMPARE(actual, tokens);

    // All tokens together cover the text exactly.
    int next = 0;
    for (const SqlToken& token : SqlLexer::tokenize(sql)) {
        QCOMPARE(token.start, next);
        next += token.length;
    }
    QCOMPARE(next, int(sql.size()));
}

void TestSqlLexer::carriesOpenCommentsAndStringsAcrossLines_data()
{
    QTest::addColumn<QString>("first");
    QTest::addColumn<int>("stateAfterFirst");
    QTest::addColumn<QString>("second");
    QTest::addColumn<QString>("secondKinds");
    QTest::newRow("block comment") << QStringLiteral("SELECT /* open") << int(SqlLexer::State::BlockComment)
                                   << QStringLiteral("still */ 1") << QStringLiteral("comment ws number");
    QTest::newRow("string") << QStringLiteral("SELECT 'open") << int(SqlLexer::State::SingleQuote)
                            << QStringLiteral("closed' AS x") << QStringLiteral("string ws word ws word");
    QTest::newRow("quoted name") << QStringLiteral("SELECT \"open") << int(SqlLexer::State::DoubleQuote)
                                 << QStringLiteral("name\"") << QStringLiteral("quoted");
    QTest::newRow("closed") << QStringLiteral("SELECT 'x' -- c") << int(SqlLexer::State::Normal) << QStringLiteral("1")
                            << QStringLiteral("number");
}

void TestSqlLexer::carriesOpenCommentsAndStringsAcrossLines()
{
    QFETCH(QString, first);
    QFETCH(int, stateAfterFirst);
    QFETCH(QString, second);
    QFETCH(QString, secondKinds);
    SqlLexer::State state = SqlLexer::State::Normal;
    SqlLexer::tokenize(first, &state);
    QCOMPARE(int(state), stateAfterFirst);
    QStringList kinds;
    for (const SqlToken& token : SqlLexer::tokenize(second, &state))
        kinds << kindName(token.kind);
    QCOMPARE(kinds.join(u' '), secondKinds);
    QCOMPARE(state, SqlLexer::State::Normal);
}

void TestSqlLexer::knowsSqliteKeywords()
{
    QVERIFY(SqlLexer::keywords().size() > 100);
    QVERIFY(SqlLexer::keywords().contains(QStringLiteral("SELECT")));
    QVERIFY(SqlLexer::isKeyword(u"select"));
    QVERIFY(SqlLexer::isKeyword(u"Recursive"));
    QVERIFY(!SqlLexer::isKeyword(u"users"));
}

QTEST_GUILESS_MAIN(TestSqlLexer)
#include "tst_sqllexer.moc"
