#include "LineComments.h"

#include <QTextBlock>
#include <QTextDocument>

#include <limits>

namespace quarry {

namespace {

const QString kComment = QStringLiteral("-- ");

} // namespace

void LineComments::toggle(QTextDocument& document, const QTextCursor& cursor)
{
    QTextBlock first = document.findBlock(cursor.selectionStart());
    QTextBlock last = document.findBlock(cursor.selectionEnd());
    // A selection ending at the start of a line does not include that line.
    if (cursor.hasSelection() && last != first && cursor.selectionEnd() == last.position())
        last = last.previous();

    QList<QTextBlock> blocks;
    for (QTextBlock b = first; b.isValid(); b = b.next()) {
        blocks << b;
        if (b == last)
            break;
    }
    bool allCommented = true;
    int indent = std::numeric_limits<int>::max();
    for (const QTextBlock& b : blocks) {
        const QString text = b.text();
        const QString trimmed = text.trimmed();
        if (trimmed.isEmpty())
            continue;
        allCommented = allCommented && trimmed.startsWith(QStringLiteral("--"));
        int leading = 0;
        while (leading < text.size() && text.at(leading).isSpace())
            ++leading;
        indent = qMin(indent, leading);
    }
    if (indent == std::numeric_limits<int>::max())
        indent = 0;

    QTextCursor edit(&document);
    edit.beginEditBlock();
    for (const QTextBlock& b : blocks) {
        const QString text = b.text();
        if (text.trimmed().isEmpty())
            continue;
        if (allCommented) {
            const int at = int(text.indexOf(QStringLiteral("--")));
            const int length = text.mid(at).startsWith(kComment) ? int(kComment.size()) : 2;
            edit.setPosition(b.position() + at);
            edit.setPosition(b.position() + at + length, QTextCursor::KeepAnchor);
            edit.removeSelectedText();
        } else {
            edit.setPosition(b.position() + indent);
            edit.insertText(kComment);
        }
    }
    edit.endEditBlock();
}

} // namespace quarry
