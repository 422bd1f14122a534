#pragma once

#include <QList>
#include <QString>
#include <QVariant>

#include <optional>

namespace quarry {

// Where a person has been: Back and Forward (Alt+Left, Alt+Right) after following keys between tables.
class NavigationHistory {
public:
    struct Place {
        QString table;
        QVariant identity;
    };

    // Records leaving `from` for somewhere new; Forward is forgotten, as in a web browser.
    void leave(const Place& from)
    {
        m_back << from;
        m_forward.clear();
    }
    bool canGoBack() const { return !m_back.isEmpty(); }
    bool canGoForward() const { return !m_forward.isEmpty(); }
    std::optional<Place> back(const Place& current)
    {
        if (m_back.isEmpty())
            return std::nullopt;
        m_forward << current;
        return m_back.takeLast();
    }
    std::optional<Place> forward(const Place& current)
    {
        if (m_forward.isEmpty())
            return std::nullopt;
        m_back << current;
        return m_forward.takeLast();
    }
    void clear()
    {
        m_back.clear();
        m_forward.clear();
    }

private:
    QList<Place> m_back;
    QList<Place> m_forward;
};

} // namespace quarry
