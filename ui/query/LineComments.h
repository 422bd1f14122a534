#pragma once

#include <QTextCursor>

class QTextDocument;

namespace quarry {

// SQL line comments over a selection, as one undo step.
class LineComments {
public:
    // Comments out the lines `cursor` selects (or its line) with "-- " at their common indent, or removes the
    // comment when every non-blank line has one.
    static void toggle(QTextDocument& document, const QTextCursor& cursor);
};

} // namespace quarry
