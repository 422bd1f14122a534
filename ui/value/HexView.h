#pragma once

#include <QWidget>

#include <optional>

class QLabel;
class QPlainTextEdit;

namespace quarry {

// Bytes as hex, sixteen to a line, editable as text (spaces and line breaks between pairs are free), with each
// line's offset and its bytes as ASCII beside it. bytes() reads the edited hex back; a character that is not a
// hex digit is refused with its line and column.
class HexView : public QWidget {
    Q_OBJECT
public:
    explicit HexView(QWidget* parent = nullptr);

    void setBytes(const QByteArray& bytes);
    // The edited bytes, or nothing with problem() saying where the hex is wrong.
    std::optional<QByteArray> bytes() const;
    QString problem() const { return m_problem; }
    void setReadOnly(bool readOnly);
    bool isModified() const;
    QPlainTextEdit* editor() const { return m_hex; }

signals:
    void edited();

private:
    void updateSide();

    QPlainTextEdit* m_offsets;
    QPlainTextEdit* m_hex;
    QPlainTextEdit* m_ascii;
    mutable QString m_problem;
};

} // namespace quarry
