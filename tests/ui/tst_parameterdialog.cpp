#include "query/ParameterDialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QLineEdit>
#include <QPushButton>
#include <QTest>

using namespace quarry;

class TestParameterDialog : public QObject {
    Q_OBJECT

private slots:
    void givesTypedValues_data();
    void givesTypedValues();
    void refusesTextThatIsNotANumber_data();
    void refusesTextThatIsNotANumber();
    void prefillsEarlierValuesWithTheirTypes();
};

void TestParameterDialog::givesTypedValues_data()
{
    QTest::addColumn<int>("type");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QVariant>("value");
    using Type = ParameterDialog::Type;
    QTest::newRow("text") << int(Type::Text) << QStringLiteral(" 42 ") << QVariant(QStringLiteral(" 42 "));
    QTest::newRow("empty text is not NULL") << int(Type::Text) << QString() << QVariant(QString());
    QTest::newRow("integer") << int(Type::Integer) << QStringLiteral("-9007199254740993")
                             << QVariant(qlonglong(-9007199254740993LL));
    QTest::newRow("real") << int(Type::Real) << QStringLiteral("2.5e3") << QVariant(2500.0);
    QTest::newRow("null") << int(Type::Null) << QStringLiteral("ignored") << QVariant();
}

void TestParameterDialog::givesTypedValues()
{
    QFETCH(int, type);
    QFETCH(QString, text);
    QFETCH(QVariant, value);
    ParameterDialog dialog({QueryParameter{1, QStringLiteral(":id")}}, {});
    dialog.setValue(0, ParameterDialog::Type(type), text);
    QVERIFY(dialog.problem().isEmpty());
    const ParameterValues values = dialog.values();
    QCOMPARE(values.size(), 1);
    QCOMPARE(values.front().isNull(), value.isNull());
    if (!value.isNull()) {
        QCOMPARE(values.front().typeId(), value.typeId());
        QCOMPARE(values.front(), value);
    }
}

void TestParameterDialog::refusesTextThatIsNotANumber_data()
{
    QTest::addColumn<int>("type");
    QTest::addColumn<QString>("text");
    QTest::newRow("integer with letters") << int(ParameterDialog::Type::Integer) << QStringLiteral("12a");
    QTest::newRow("integer with a fraction") << int(ParameterDialog::Type::Integer) << QStringLiteral("1.5");
    QTest::newRow("real with letters") << int(ParameterDialog::Type::Real) << QStringLiteral("two");
}

void TestParameterDialog::refusesTextThatIsNotANumber()
{
    QFETCH(int, type);
    QFETCH(QString, text);
    ParameterDialog dialog({QueryParameter{1, QStringLiteral("?1")}, QueryParameter{2, QStringLiteral("@n")}}, {});
    dialog.setValue(1, ParameterDialog::Type(type), text);
    QVERIFY(dialog.problem().contains(QStringLiteral("@n")));
    QVERIFY(!dialog.findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok)->isEnabled());
    dialog.setValue(1, ParameterDialog::Type::Text, text);
    QVERIFY(dialog.findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok)->isEnabled());
}

void TestParameterDialog::prefillsEarlierValuesWithTheirTypes()
{
    const QHash<QString, QVariant> previous{{QStringLiteral(":id"), qlonglong(7)},
                                            {QStringLiteral("$gone"), QVariant()}};
    ParameterDialog dialog({QueryParameter{1, QStringLiteral(":id")}, QueryParameter{2, QStringLiteral("$gone")},
                            QueryParameter{3, QStringLiteral(":new")}},
                           previous);
    const ParameterValues values = dialog.values();
    QCOMPARE(values.at(0), QVariant(qlonglong(7)));
    QVERIFY(values.at(1).isNull());
    QCOMPARE(values.at(2), QVariant(QString()));
    const QList<QLineEdit*> fields = dialog.findChildren<QLineEdit*>();
    QCOMPARE(fields.size(), 3);
    QVERIFY(!fields.at(1)->isEnabled()); // NULL takes no text
}

QTEST_MAIN(TestParameterDialog)
#include "tst_parameterdialog.moc"
