#pragma once

#include "BrowseSubject.h"

#include <QString>

#include <memory>

namespace quarry {
class MainWindow;
class TableBrowser;
} // namespace quarry

namespace quarry::bench {

// Quarry itself: the real MainWindow, opening the file as a person does and showing one table's tab (posts).
class QuarrySubject : public BrowseSubject {
public:
    explicit QuarrySubject(QString table = QStringLiteral("posts"));
    ~QuarrySubject() override;

    QWidget* window() const override;
    bool open(const QString& path, QString& error) override;
    QTableView* view() const override;
    QScrollBar* scrollBar() const override;
    qint64 tableRow(int viewRow) const override;
    bool isRowLoaded(int row) const override;
    int titleColumn() const override;
    QLineEdit* titleFilter() const override;
    bool showsProgress() const override;
    MainWindow* mainWindow() const { return m_window.get(); }
    TableBrowser* browser() const { return m_browser; }

private:
    QString m_table;
    std::unique_ptr<MainWindow> m_window;
    TableBrowser* m_browser = nullptr;
};

} // namespace quarry::bench
