#include "RowsModel.h"

namespace archive::kiosk {

RowsModel::RowsModel(QList<QByteArray> roles, QObject* parent) : QAbstractListModel(parent), m_roles(std::move(roles)) {}

int RowsModel::rowCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : int(m_rows.size()); }

QVariant RowsModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) return {};
    const int k = role - Qt::UserRole - 1;
    if (role == Qt::DisplayRole) return m_rows[index.row()].value(QString::fromLatin1(m_roles.value(0)));
    if (k < 0 || k >= m_roles.size()) return {};
    return m_rows[index.row()].value(QString::fromLatin1(m_roles[k]));
}

QHash<int, QByteArray> RowsModel::roleNames() const {
    QHash<int, QByteArray> h;
    for (int i = 0; i < m_roles.size(); ++i) h.insert(Qt::UserRole + 1 + i, m_roles[i]);
    return h;
}

void RowsModel::setRows(QList<QVariantMap> rows) {
    const int before = int(m_rows.size());
    beginResetModel();
    m_rows = std::move(rows);
    endResetModel();
    if (before != m_rows.size()) emit countChanged();
}

void RowsModel::updateRow(int row, const QVariantMap& values) {
    if (row < 0 || row >= m_rows.size()) return;
    for (auto it = values.begin(); it != values.end(); ++it) m_rows[row].insert(it.key(), it.value());
    emit dataChanged(index(row), index(row));
}

void RowsModel::prependRow(const QVariantMap& values, int maxRows) {
    beginInsertRows({}, 0, 0);
    m_rows.prepend(values);
    endInsertRows();
    if (maxRows > 0 && m_rows.size() > maxRows) {
        beginRemoveRows({}, maxRows, int(m_rows.size()) - 1);
        m_rows.resize(maxRows);
        endRemoveRows();
    }
    emit countChanged();
}

QVariantMap RowsModel::get(int row) const { return row >= 0 && row < m_rows.size() ? m_rows[row] : QVariantMap(); }

void RowsModel::setLoading(bool l) {
    if (l == m_loading) return;
    m_loading = l;
    emit loadingChanged();
}

}  // namespace archive::kiosk
