#pragma once

#include <QWidget>

class QLabel;

namespace quarry {

// The query panel's bottom line: what the panel is doing or last did, and a badge while a transaction begun in
// the editor is open.
class QueryStatusLine : public QWidget {
    Q_OBJECT
public:
    explicit QueryStatusLine(QWidget* parent = nullptr);

    QString text() const;
    void setText(const QString& text);
    void setTransactionOpen(bool open);

private:
    QLabel* m_text = nullptr;
    QLabel* m_transaction = nullptr;
};

} // namespace quarry
