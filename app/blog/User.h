#pragma once

#include "blog/FullName.h"

#include <QString>
#include <QVariant>

namespace quarry {

// A row of users. A null QString stands for NULL (first and last name are optional).
struct User {
    qint64 id = 0; // 0 for a user not yet written
    QString username;
    QString email;
    QString firstName;
    QString lastName;
    QVariant createdAt; // as the database holds it (text, number or NULL); set by the database on insert

    QString fullName() const { return FullName::of(firstName, lastName, username); }
};

} // namespace quarry
