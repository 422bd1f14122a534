#pragma once

#include "models/KeySearch.h"

#include <QLineEdit>

#include <memory>

class QListWidget;
class QTimer;

namespace quarry {

// Edits a foreign key: type part of a username or title (or the key itself) and pick from the matches a
// background search finds with LIMIT. Any existing row can be chosen, whatever the size of the table.
class ForeignKeyEditor : public QLineEdit {
    Q_OBJECT
public:
    ForeignKeyEditor(const QString& path, const ForeignKeyInfo& key, QWidget* parent = nullptr);
    ~ForeignKeyEditor() override;

    void setCurrent(const QVariant& key, const QString& display);
    // The chosen key and its display value; an invalid key when nothing valid was chosen.
    QVariant key() const { return m_key; }
    QString display() const { return m_display; }
    // The matches shown now (for tests and keyboard use).
    const KeyMatches& matches() const { return m_matches; }
    void choose(int match);

signals:
    void searched();
    // A match was picked from the list (click, or Enter on it): the cell should take it now.
    void chosen();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;
    void focusOutEvent(QFocusEvent* event) override;

private:
    void onTextEdited(const QString& text);
    void onFound(quint64 generation, const quarry::KeyMatches& matches);
    void showPopup();

    std::unique_ptr<KeySearch> m_search;
    QListWidget* m_popup;
    QTimer* m_debounce;
    quint64 m_generation = 0;
    KeyMatches m_matches;
    QVariant m_key;
    QString m_display;
};

} // namespace quarry
