#pragma once

#include "database/Connection.h"

#include <QMainWindow>

#include <memory>

class QTabWidget;

namespace quarry {

// The main window: the tables of the open file, one tab each.
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    // Opens `path` (read-only when asked or when it cannot be written); reports failure in the window.
    bool openFile(const QString& path, bool readOnly);

private:
    void closeFile();

    std::unique_ptr<Connection> m_connection;
    QTabWidget* m_tabs = nullptr;
};

} // namespace quarry
