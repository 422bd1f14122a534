#pragma once

#include <QWidget>

class QPlainTextEdit;

namespace quarry {

// JSON text with Pretty and Compact layouts that keep keys in order and numbers as written (JsonLayout), checked
// as it is typed: problem() says where it is not valid JSON.
class JsonPane : public QWidget {
    Q_OBJECT
public:
    explicit JsonPane(QWidget* parent = nullptr);

    QPlainTextEdit* editor() const { return m_editor; }
    // "Not valid JSON at line 2, column 18: illegal value.", empty when the text is valid.
    QString problem() const { return m_problem; }
    void layOut(bool pretty);

signals:
    void checked();

private:
    void check();

    QPlainTextEdit* m_editor;
    QString m_problem;
};

} // namespace quarry
