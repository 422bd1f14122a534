#pragma once

#include "core/Result.h"
#include "models/TypedText.h"

#include <QStackedWidget>
#include <QVariant>

class QCheckBox;
class QLabel;
class QPlainTextEdit;
class QScrollArea;

namespace quarry {

class HexView;
class JsonPane;

// One value in four modes: text (wrapped or not), hex, image and JSON. Only the page shown is filled, since laying
// out megabytes of text nobody looks at would stall the window; switching modes carries an edit along. edited()
// reads the edit back as a value of the storage class chosen.
class ValuePages : public QStackedWidget {
    Q_OBJECT
public:
    static constexpr qint64 MaxHexBytes = 256 * 1024;
    enum class Mode { Text, Hex, Image, Json };

    explicit ValuePages(QWidget* parent = nullptr);

    // The mode a value is best seen in: hex for bytes that are not an image or not UTF-8 text (or text with NUL
    // characters), image for an image, JSON for an object or array, else text.
    static Mode modeFor(const QVariant& value);
    // Shows `value` in `mode`; `modified` marks it as an edit carried over from another mode.
    void show(const QVariant& value, Mode mode, bool editable, bool modified = false);
    Mode mode() const { return Mode(currentIndex()); }
    bool isModified() const;
    // The edit as a value of `storage` (`original` decides whether line breaks go back to CR LF), or why not.
    [[nodiscard]] Result<QVariant> edited(TypedText::Storage storage, const QVariant& original) const;
    QString jsonProblem() const;

    QPlainTextEdit* textEditor() const { return m_text; }
    QPlainTextEdit* jsonEditor() const;
    HexView* hexView() const { return m_hex; }
    QLabel* imageLabel() const { return m_image; }

signals:
    void changed();
    void jsonChecked();

private:
    QPlainTextEdit* m_text;
    QCheckBox* m_wrap;
    HexView* m_hex;
    QScrollArea* m_imageArea;
    QLabel* m_image;
    JsonPane* m_json;
};

} // namespace quarry
