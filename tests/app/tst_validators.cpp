#include "blog/Validators.h"

#include <QTest>

using namespace quarry;

class TestValidators : public QObject {
    Q_OBJECT

private slots:
    void usernameAllowsLettersDigitsAndUnderscores_data();
    void usernameAllowsLettersDigitsAndUnderscores();
    void usernameMessagesNameTheValueAndTheRule_data();
    void usernameMessagesNameTheValueAndTheRule();
    void emailFollowsTheLessonsPattern_data();
    void emailFollowsTheLessonsPattern();
    void titleHasOneTo200Characters_data();
    void titleHasOneTo200Characters();
    void contentMustHoldMoreThanWhiteSpace_data();
    void contentMustHoldMoreThanWhiteSpace();
    void checkCoversTheBlogColumnsOnly_data();
    void checkCoversTheBlogColumnsOnly();
    void checkJudgesTheValueAsItWillBeStored();
    void checkValuesNamesTheFirstBadColumn();
};

namespace {

QString repeated(const QString& unit, int times)
{
    QString text;
    for (int i = 0; i < times; ++i)
        text += unit;
    return text;
}

} // namespace

void TestValidators::usernameAllowsLettersDigitsAndUnderscores_data()
{
    QTest::addColumn<QString>("value");
    QTest::addColumn<bool>("valid");

    QTest::newRow("lesson's john_doe (isalnum rejects it, we accept it)") << QStringLiteral("john_doe") << true;
    QTest::newRow("lesson's alice") << QStringLiteral("alice") << true;
    QTest::newRow("capitals and digits") << QStringLiteral("Bob42") << true;
    QTest::newRow("digits only") << QStringLiteral("123") << true;
    QTest::newRow("exactly 3") << QStringLiteral("abc") << true;
    QTest::newRow("exactly 50") << repeated(QStringLiteral("a"), 50) << true;
    QTest::newRow("accented letters") << QStringLiteral("jos\u00e9") << true;
    QTest::newRow("decomposed accent (mark after a letter)") << QStringLiteral("jose\u0301") << true;
    QTest::newRow("cyrillic") << QStringLiteral("\u043c\u0430\u0440\u0438\u044f") << true;
    QTest::newRow("cjk") << QStringLiteral("\u65e5\u672c\u8a9e") << true;
    QTest::newRow("devanagari with vowel signs") << QStringLiteral("\u0930\u093e\u092e") << true;
    QTest::newRow("arabic-indic digits") << QStringLiteral("\u0661\u0662\u0663") << true;
    QTest::newRow("50 letters outside the BMP (100 UTF-16 units)")
        << repeated(QStringLiteral("\U00020000"), 50) << true;

    QTest::newRow("lesson's ab: too short") << QStringLiteral("ab") << false;
    QTest::newRow("51 characters") << repeated(QStringLiteral("a"), 51) << false;
    QTest::newRow("51 letters outside the BMP") << repeated(QStringLiteral("\U00020000"), 51) << false;
    QTest::newRow("two letters outside the BMP are two characters")
        << repeated(QStringLiteral("\U00020000"), 2) << false;
    QTest::newRow("empty") << QString() << false;
    QTest::newRow("space inside") << QStringLiteral("john doe") << false;
    QTest::newRow("dot") << QStringLiteral("john.doe") << false;
    QTest::newRow("hyphen") << QStringLiteral("john-doe") << false;
    QTest::newRow("at sign") << QStringLiteral("john@doe") << false;
    QTest::newRow("tab") << QStringLiteral("john\tdoe") << false;
    QTest::newRow("trailing space (not normalised)") << QStringLiteral("alice ") << false;
    QTest::newRow("emoji") << QStringLiteral("\U0001F600\U0001F600\U0001F600") << false;
    QTest::newRow("mark with nothing to sit on") << QStringLiteral("\u0301abc") << false;
    QTest::newRow("mark after an underscore") << QStringLiteral("ab_\u0301") << false;
}

void TestValidators::usernameAllowsLettersDigitsAndUnderscores()
{
    QFETCH(QString, value);
    QFETCH(bool, valid);
    const Status status = Validators::username(value);
    QVERIFY2(bool(status) == valid, qPrintable(status ? QStringLiteral("accepted") : status.error().message));
    if (!valid)
        QCOMPARE(status.error().kind, Error::Kind::Validation);
}

void TestValidators::usernameMessagesNameTheValueAndTheRule_data()
{
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("message");

    QTest::newRow("too short") << QStringLiteral("ab")
                               << QStringLiteral(
                                      "Username 'ab' is too short: use 3 to 50 letters, digits or underscores.");
    QTest::newRow("too long") << repeated(QStringLiteral("a"), 51)
                              << QStringLiteral("Username '%1' is too long (51 characters): use 3 to 50 letters, "
                                                "digits or underscores.")
                                     .arg(repeated(QStringLiteral("a"), 51));
    QTest::newRow("space") << QStringLiteral("john doe")
                           << QStringLiteral("Username 'john doe' contains a space, which is not allowed: use 3 to 50 "
                                             "letters, digits or underscores.");
    QTest::newRow("dot") << QStringLiteral("john.doe")
                         << QStringLiteral("Username 'john.doe' contains '.', which is not allowed: use 3 to 50 "
                                           "letters, digits or underscores.");
    QTest::newRow("control character") << QStringLiteral("ab\u0007c")
                                       << QStringLiteral("Username 'ab\u0007c' contains U+0007, which is not allowed: "
                                                         "use 3 to 50 letters, digits or underscores.");
    QTest::newRow("empty") << QString()
                           << QStringLiteral("Username must not be empty: use 3 to 50 letters, digits or underscores.");
}

void TestValidators::usernameMessagesNameTheValueAndTheRule()
{
    QFETCH(QString, value);
    QFETCH(QString, message);
    const Status status = Validators::username(value);
    QVERIFY(!status);
    QCOMPARE(status.error().message, message);
}

void TestValidators::emailFollowsTheLessonsPattern_data()
{
    QTest::addColumn<QString>("value");
    QTest::addColumn<bool>("valid");

    QTest::newRow("lesson's alice") << QStringLiteral("alice@example.com") << true;
    QTest::newRow("lesson's john.doe") << QStringLiteral("john.doe@example.com") << true;
    QTest::newRow("plus and percent") << QStringLiteral("a+b%c@mail.example.org") << true;
    QTest::newRow("capitals (the pattern allows them)") << QStringLiteral("Alice@Example.COM") << true;
    QTest::newRow("two-letter domain") << QStringLiteral("a@b.co") << true;

    QTest::newRow("bad email") << QStringLiteral("bad email") << false;
    QTest::newRow("lesson's invalid-email") << QStringLiteral("invalid-email") << false;
    QTest::newRow("one-letter top level") << QStringLiteral("a@b.c") << false;
    QTest::newRow("no domain dot") << QStringLiteral("a@localhost") << false;
    QTest::newRow("two at signs") << QStringLiteral("a@@b.com") << false;
    QTest::newRow("trailing newline ($ in Python lets it through)") << QStringLiteral("a@b.com\n") << false;
    QTest::newRow("leading space") << QStringLiteral(" a@b.com") << false;
    QTest::newRow("non-ASCII local part") << QStringLiteral("\u00e5sa@example.com") << false;
    QTest::newRow("digits in the top level") << QStringLiteral("a@b.c0m") << false;
    QTest::newRow("empty") << QString() << false;
}

void TestValidators::emailFollowsTheLessonsPattern()
{
    QFETCH(QString, value);
    QFETCH(bool, valid);
    const Status status = Validators::email(value);
    QVERIFY2(bool(status) == valid, qPrintable(status ? QStringLiteral("accepted") : status.error().message));
    if (!valid && !value.isEmpty()) {
        QVERIFY2(status.error().message.startsWith(QStringLiteral("Email '")), qPrintable(status.error().message));
        QVERIFY2(status.error().message.contains(value.trimmed()), qPrintable(status.error().message));
    }
}

void TestValidators::titleHasOneTo200Characters_data()
{
    QTest::addColumn<QString>("value");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<QString>("message");

    QTest::newRow("one character") << QStringLiteral("x") << true << QString();
    QTest::newRow("lesson's title") << QStringLiteral("Python Programming") << true << QString();
    QTest::newRow("exactly 200") << repeated(QStringLiteral("t"), 200) << true << QString();
    QTest::newRow("200 characters outside the BMP") << repeated(QStringLiteral("\U0001D4AF"), 200) << true << QString();
    QTest::newRow("empty") << QString() << false << QStringLiteral("Title must not be empty.");
    QTest::newRow("only spaces") << QStringLiteral("   ") << false << QStringLiteral("Title must not be empty.");
    QTest::newRow("201 characters") << repeated(QStringLiteral("t"), 201) << false
                                    << QStringLiteral("Title '%1\u2026' is too long (201 characters): use at most 200.")
                                           .arg(repeated(QStringLiteral("t"), 57));
}

void TestValidators::titleHasOneTo200Characters()
{
    QFETCH(QString, value);
    QFETCH(bool, valid);
    QFETCH(QString, message);
    const Status status = Validators::title(value);
    QCOMPARE(bool(status), valid);
    if (!valid)
        QCOMPARE(status.error().message, message);
}

void TestValidators::contentMustHoldMoreThanWhiteSpace_data()
{
    QTest::addColumn<QString>("value");
    QTest::addColumn<bool>("valid");

    QTest::newRow("lesson's comment") << QStringLiteral("Great post!") << true;
    QTest::newRow("one character") << QStringLiteral(".") << true;
    QTest::newRow("padded") << QStringLiteral("  ok  ") << true;
    QTest::newRow("empty") << QString() << false;
    QTest::newRow("spaces") << QStringLiteral("    ") << false;
    QTest::newRow("tabs and newlines") << QStringLiteral("\t\n\r\n") << false;
}

void TestValidators::contentMustHoldMoreThanWhiteSpace()
{
    QFETCH(QString, value);
    QFETCH(bool, valid);
    const Status status = Validators::content(value);
    QCOMPARE(bool(status), valid);
    if (!valid)
        QVERIFY2(status.error().message.startsWith(QStringLiteral("Content ")), qPrintable(status.error().message));
}

void TestValidators::checkCoversTheBlogColumnsOnly_data()
{
    QTest::addColumn<QString>("table");
    QTest::addColumn<QString>("column");
    QTest::addColumn<QVariant>("value");
    QTest::addColumn<QString>("fieldInMessage"); // empty: no problem expected

    QTest::newRow("users.username ab") << QStringLiteral("users") << QStringLiteral("username")
                                       << QVariant(QStringLiteral("ab")) << QStringLiteral("Username 'ab'");
    QTest::newRow("users.username john_doe")
        << QStringLiteral("users") << QStringLiteral("username") << QVariant(QStringLiteral("john_doe")) << QString();
    QTest::newRow("users.username NULL") << QStringLiteral("users") << QStringLiteral("username") << QVariant()
                                         << QStringLiteral("Username must not be empty");
    QTest::newRow("users.email bad email")
        << QStringLiteral("users") << QStringLiteral("email") << QVariant(QStringLiteral("bad email"))
        << QStringLiteral("Email 'bad email'");
    QTest::newRow("posts.title empty") << QStringLiteral("posts") << QStringLiteral("title") << QVariant(QString())
                                       << QStringLiteral("Title must not be empty");
    QTest::newRow("posts.title number") << QStringLiteral("posts") << QStringLiteral("title") << QVariant(42)
                                        << QString();
    QTest::newRow("posts.content blank") << QStringLiteral("posts") << QStringLiteral("content")
                                         << QVariant(QStringLiteral("  ")) << QStringLiteral("Content '  '");
    QTest::newRow("comments.content empty") << QStringLiteral("comments") << QStringLiteral("content")
                                            << QVariant(QString()) << QStringLiteral("Content must not be empty");
    QTest::newRow("names compare as SQLite does") << QStringLiteral("USERS") << QStringLiteral("UserName")
                                                  << QVariant(QStringLiteral("ab")) << QStringLiteral("Username 'ab'");
    QTest::newRow("users.first_name has no rule")
        << QStringLiteral("users") << QStringLiteral("first_name") << QVariant(QString()) << QString();
    QTest::newRow("posts.author_id has no rule")
        << QStringLiteral("posts") << QStringLiteral("author_id") << QVariant(QStringLiteral("x")) << QString();
    QTest::newRow("comments.title is not a blog rule")
        << QStringLiteral("comments") << QStringLiteral("title") << QVariant(QString()) << QString();
    QTest::newRow("another table's username")
        << QStringLiteral("accounts") << QStringLiteral("username") << QVariant(QStringLiteral("ab")) << QString();
}

void TestValidators::checkCoversTheBlogColumnsOnly()
{
    QFETCH(QString, table);
    QFETCH(QString, column);
    QFETCH(QVariant, value);
    QFETCH(QString, fieldInMessage);
    const std::optional<QString> problem = Validators::check(table, column, value);
    if (fieldInMessage.isEmpty()) {
        QVERIFY2(!problem, qPrintable(problem.value_or(QString())));
    } else {
        QVERIFY(problem);
        QVERIFY2(problem->startsWith(fieldInMessage), qPrintable(*problem));
    }
}

void TestValidators::checkJudgesTheValueAsItWillBeStored()
{
    const QString users = QStringLiteral("users");
    QVERIFY(!Validators::check(users, QStringLiteral("username"), QStringLiteral("  Alice ")));
    QVERIFY(!Validators::check(users, QStringLiteral("email"), QStringLiteral(" Bob@Example.com\n")));
    // Trimming can make a name too short, and the message shows what would be stored.
    const auto problem = Validators::check(users, QStringLiteral("username"), QStringLiteral(" AB "));
    QVERIFY(problem);
    QVERIFY2(problem->startsWith(QStringLiteral("Username 'ab' is too short")), qPrintable(*problem));
}

void TestValidators::checkValuesNamesTheFirstBadColumn()
{
    const QVariantMap row{{QStringLiteral("username"), QStringLiteral("john_doe")},
                          {QStringLiteral("email"), QStringLiteral("invalid-email")},
                          {QStringLiteral("first_name"), QStringLiteral("John")}};
    const auto invalid = Validators::checkValues(QStringLiteral("users"), row);
    QVERIFY(invalid);
    QCOMPARE(invalid->column, QStringLiteral("email"));
    QVERIFY(invalid->message.contains(QStringLiteral("'invalid-email'")));

    QVERIFY(!Validators::checkValues(QStringLiteral("users"),
                                     {{QStringLiteral("username"), QStringLiteral("john_doe")},
                                      {QStringLiteral("email"), QStringLiteral("john.doe@example.com")}}));
}

QTEST_GUILESS_MAIN(TestValidators)
#include "tst_validators.moc"
