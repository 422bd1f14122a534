#include "cli/CliParser.h"

#include <QRegularExpression>

namespace quarry {

CliParser::CliParser(const CliContext& context, const QString& syntax, const QString& description)
    : m_context(context), m_syntax(syntax)
{
    m_parser.setApplicationDescription(description);
    m_parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    m_parser.addOption(
        QCommandLineOption({QStringLiteral("h"), QStringLiteral("help")}, QStringLiteral("Show this help.")));
}

std::optional<int> CliParser::parse(int minPositional, int maxPositional)
{
    if (!m_parser.parse(m_context.arguments))
        return m_context.fail(m_parser.errorText() + QStringLiteral(" (usage: quarry %1)").arg(m_syntax),
                              CliContext::ExitUsage);
    if (m_parser.isSet(QStringLiteral("help"))) {
        QString help = m_parser.helpText();
        // QCommandLineParser names the program; name the subcommand too.
        help.replace(QRegularExpression(QStringLiteral("^Usage: \\S+")), QStringLiteral("Usage: quarry"));
        m_context.out << QStringLiteral("Usage: quarry %1\n").arg(m_syntax) << m_parser.applicationDescription()
                      << "\n\n"
                      << help.mid(help.indexOf(QStringLiteral("Options:")));
        if (!help.endsWith(QLatin1Char('\n')))
            m_context.out << '\n';
        m_context.out.flush();
        return CliContext::ExitSuccess;
    }
    // The subcommand's name stands where QCommandLineParser expects the program's, so positionals start at 0.
    const qsizetype count = m_parser.positionalArguments().size();
    if (count < minPositional)
        return m_context.fail(QStringLiteral("missing argument (usage: quarry %1)").arg(m_syntax),
                              CliContext::ExitUsage);
    if (count > maxPositional)
        return m_context.fail(QStringLiteral("unexpected argument \u201c%1\u201d (usage: quarry %2)")
                                  .arg(m_parser.positionalArguments().at(maxPositional), m_syntax),
                              CliContext::ExitUsage);
    return std::nullopt;
}

std::optional<int> CliParser::intValue(const QString& option, int& status) const
{
    bool ok = false;
    const QString text = m_parser.value(option);
    const int value = text.toInt(&ok);
    if (!ok) {
        status = m_context.fail(QStringLiteral("--%1 needs a whole number, not \u201c%2\u201d").arg(option, text),
                                CliContext::ExitUsage);
        return std::nullopt;
    }
    return value;
}

} // namespace quarry
