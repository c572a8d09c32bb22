#pragma once
// A list model over rows of named values (one QVariantMap per row, one role per key). The kiosk's list
// models derive from it and only add how their rows are loaded.

#include <QAbstractListModel>
#include <QtQml/qqmlregistration.h>
#include <QByteArray>
#include <QList>
#include <QVariantMap>

namespace archive::kiosk {

class RowsModel : public QAbstractListModel {
    Q_OBJECT
    QML_ANONYMOUS
    Q_PROPERTY(int count READ count NOTIFY countChanged)
    Q_PROPERTY(bool loading READ loading NOTIFY loadingChanged)
public:
    explicit RowsModel(QList<QByteArray> roles, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    int count() const { return int(m_rows.size()); }
    bool loading() const { return m_loading; }
    void setRows(QList<QVariantMap> rows);
    void updateRow(int row, const QVariantMap& values);
    void prependRow(const QVariantMap& values, int maxRows = 0);
    void clear() { setRows({}); }
    Q_INVOKABLE QVariantMap get(int row) const;
    const QList<QVariantMap>& rows() const { return m_rows; }

signals:
    void countChanged();
    void loadingChanged();

protected:
    void setLoading(bool l);

private:
    QList<QByteArray> m_roles;
    QList<QVariantMap> m_rows;
    bool m_loading = false;
};

}  // namespace archive::kiosk
