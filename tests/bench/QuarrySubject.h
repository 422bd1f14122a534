#pragma once

#include "BrowseSubject.h"

#include <memory>

namespace quarry {
class MainWindow;
class TableBrowser;
} // namespace quarry

namespace quarry::bench {

// Quarry itself: the real MainWindow, opening the file as a person does and showing its posts tab.
class QuarrySubject : public BrowseSubject {
public:
    QuarrySubject();
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

private:
    std::unique_ptr<MainWindow> m_window;
    TableBrowser* m_browser = nullptr;
};

} // namespace quarry::bench
