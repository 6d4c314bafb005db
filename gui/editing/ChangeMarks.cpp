#include "editing/ChangeMarks.h"

#include <QColor>
#include <QGuiApplication>

#include "common/Display.h"
#include "common/Theme.h"

namespace hivekit::gui {

namespace {

// Case-insensitive like the hive's own comparison; QString's upper case is
// close enough to Windows' table for marking.
QString keyOf(const QString& path) {
    QString p = path;
    while (p.startsWith(QLatin1Char('\\'))) p.remove(0, 1);
    return p.toUpper();
}

QString valueKey(const QString& keyPath, const QString& name) {
    return keyOf(keyPath) + QLatin1Char('\n') + name.toUpper();
}

QString parentOf(const QString& path) {
    const qsizetype slash = path.lastIndexOf(QLatin1Char('\\'));
    return slash < 0 ? QString() : path.left(slash);
}

bool under(const QString& key, const QString& prefix) {
    return key == prefix || key.startsWith(prefix + QLatin1Char('\\')) || key.startsWith(prefix + QLatin1Char('\n'));
}

/// Moves every entry at or under `from` to `to`.
template <typename Map>
void moveUnder(Map& map, const QString& from, const QString& to) {
    Map moved;
    for (auto it = map.begin(); it != map.end();) {
        if (under(it.key(), from)) {
            moved.insert(to + it.key().mid(from.size()), it.value());
            it = map.erase(it);
        } else {
            ++it;
        }
    }
    map.insert(moved);
}

template <typename Map>
void removeUnder(Map& map, const QString& prefix) {
    for (auto it = map.begin(); it != map.end();) {
        it = under(it.key(), prefix) ? map.erase(it) : std::next(it);
    }
}

}  // namespace

void ChangeMarks::markKey(const QString& path, Mark mark) {
    const QString k = keyOf(path);
    // Added stays added whatever happens to the key afterwards.
    if (keys_.value(k, Mark::None) == Mark::Added) return;
    keys_.insert(k, mark);
}

void ChangeMarks::markValue(const QString& keyPath, const QString& name, Mark mark) {
    const QString k = valueKey(keyPath, name);
    if (values_.value(k, Mark::None) == Mark::Added) return;
    values_.insert(k, mark);
}

ChangeMarks ChangeMarks::fromEdits(const std::vector<Edit>& edits,
                                   const std::function<bool(const std::string&, const std::string&)>& existed) {
    ChangeMarks m;
    for (const Edit& e : edits) {
        const QString path = toQString(e.path);
        switch (e.kind) {
        case Edit::Kind::CreateKey:
            m.markKey(path, Mark::Added);
            break;
        case Edit::Kind::DeleteKey:
            removeUnder(m.keys_, keyOf(path));
            removeUnder(m.values_, keyOf(path));
            m.markKey(parentOf(path), Mark::Changed);
            break;
        case Edit::Kind::SetValue: {
            // A value of a renamed key is looked up under the new path, so
            // it counts as added: a mark, not data, and the list has the rest.
            const bool isNew = m.keys_.value(keyOf(path), Mark::None) == Mark::Added ||
                               (!m.values_.contains(valueKey(path, toQString(e.name))) && !existed(e.path, e.name));
            m.markValue(path, toQString(e.name), isNew ? Mark::Added : Mark::Changed);
            m.markKey(path, Mark::Changed);
            break;
        }
        case Edit::Kind::DeleteValue:
            m.values_.remove(valueKey(path, toQString(e.name)));
            m.markKey(path, Mark::Changed);
            break;
        case Edit::Kind::RenameKey: {
            const QString parent = parentOf(path);
            const QString renamed = parent.isEmpty() ? toQString(e.newName)
                                                     : parent + QLatin1Char('\\') + toQString(e.newName);
            moveUnder(m.keys_, keyOf(path), keyOf(renamed));
            moveUnder(m.values_, keyOf(path), keyOf(renamed));
            m.markKey(renamed, Mark::Changed);
            break;
        }
        case Edit::Kind::RenameValue: {
            const Mark old = m.values_.take(valueKey(path, toQString(e.name)));
            m.values_.insert(valueKey(path, toQString(e.newName)), old == Mark::Added ? Mark::Added : Mark::Changed);
            m.markKey(path, Mark::Changed);
            break;
        }
        case Edit::Kind::SetClassName:
            m.markKey(path, Mark::Changed);
            break;
        }
    }
    return m;
}

ChangeMarks::Mark ChangeMarks::key(const QString& path) const { return keys_.value(keyOf(path), Mark::None); }

ChangeMarks::Mark ChangeMarks::value(const QString& keyPath, const QString& name) const {
    return values_.value(valueKey(keyPath, name), Mark::None);
}

QVariant ChangeMarks::decoration(Mark mark, int role) {
    if (mark == Mark::None) return {};
    if (role == Qt::FontRole) {
        QFont f;
        f.setItalic(true);
        return f;
    }
    if (role == Qt::ForegroundRole)
        return QBrush(theme::text(mark == Mark::Added ? theme::Tone::Positive : theme::Tone::Info, QGuiApplication::palette()));
    return {};
}

}  // namespace hivekit::gui
