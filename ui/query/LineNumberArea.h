#pragma once

#include <QWidget>

namespace quarry {

class SqlEditor;

// The gutter left of the editor's text: line numbers, the current one in bold, an error line in red.
class LineNumberArea : public QWidget {
    Q_OBJECT
public:
    explicit LineNumberArea(SqlEditor* editor);
    QSize sizeHint() const override;

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    SqlEditor* m_editor;
};

} // namespace quarry
