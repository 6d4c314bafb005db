#include "editing/ChangeMarks.h"

#include <QColor>
#include <QGuiApplication>
#include <QPalette>

#include "common/Display.h"
#include "common/Theme.h"
#include "index/Index.h"

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

namespace {

/// A deletion while the edits are replayed: where it is now and where the
/// file has it.
struct Gone {
    QString path;          ///< the key (now), as the edits name it
    QString name;          ///< the value's name; null for a key
    std::string original;  ///< the key's path in the file
};

QString joinPath(const QString& parent, const QString& name) {
    return parent.isEmpty() ? name : parent + QLatin1Char('\\') + name;
}

}  // namespace

void ChangeMarks::resolveDeletions(const std::vector<Edit>& edits, std::shared_ptr<const Hive> original) {
    original_ = std::move(original);
    deletedKeys_.clear();
    deletedValues_.clear();
    if (!original_) return;
    // Key renames so far (new path, old path), to find a key's path in
    // the file from the path the edits give it.
    std::vector<std::pair<QString, QString>> renames;
    auto inFile = [&](QString path) {
        for (auto it = renames.rbegin(); it != renames.rend(); ++it) {
            if (under(keyOf(path), keyOf(it->first))) path = it->second + path.mid(it->first.size());
        }
        return path.toStdString();
    };
    std::vector<Gone> gone;
    for (const Edit& e : edits) {
        const QString path = toQString(e.path);
        switch (e.kind) {
        case Edit::Kind::DeleteKey:
            // What was deleted below it is now part of its subtree.
            std::erase_if(gone, [&](const Gone& g) { return under(keyOf(g.path), keyOf(path)); });
            gone.push_back({path, QString(), inFile(path)});
            break;
        case Edit::Kind::DeleteValue:
            gone.push_back({path, toQString(e.name), inFile(path)});
            break;
        case Edit::Kind::CreateKey:
            // Made again: the new key stands where the deleted one was.
            std::erase_if(gone, [&](const Gone& g) { return g.name.isNull() && keyOf(g.path) == keyOf(path); });
            break;
        case Edit::Kind::SetValue:
            std::erase_if(gone, [&](const Gone& g) {
                return !g.name.isNull() && keyOf(g.path) == keyOf(path) && g.name.toUpper() == toQString(e.name).toUpper();
            });
            break;
        case Edit::Kind::RenameValue:
            std::erase_if(gone, [&](const Gone& g) {
                return !g.name.isNull() && keyOf(g.path) == keyOf(path) &&
                       g.name.toUpper() == toQString(e.newName).toUpper();
            });
            break;
        case Edit::Kind::RenameKey: {
            const QString renamed = joinPath(parentOf(path), toQString(e.newName));
            for (Gone& g : gone) {
                if (under(keyOf(g.path), keyOf(path))) g.path = renamed + g.path.mid(path.size());
            }
            renames.emplace_back(renamed, path);
            break;
        }
        case Edit::Kind::SetClassName: break;
        }
    }
    const Index index(*original_);
    for (const Gone& g : gone) {
        auto key = index.findKey(g.original);
        if (!key) continue;  // made by the edits themselves: nothing in the file to show
        if (g.name.isNull()) {
            const qsizetype slash = g.path.lastIndexOf(QLatin1Char('\\'));
            deletedKeys_[keyOf(parentOf(g.path))].push_back({g.path.mid(slash + 1), *key});
        } else if (auto value = index.findValue(*key, g.name.toStdU16String())) {
            deletedValues_[keyOf(g.path)].push_back({g.name, *value});
        }
    }
}

std::vector<ChangeMarks::Deletion> ChangeMarks::deletedKeys(const QString& parentPath) const {
    return deletedKeys_.value(keyOf(parentPath));
}

std::vector<ChangeMarks::Deletion> ChangeMarks::deletedValues(const QString& keyPath) const {
    return deletedValues_.value(keyOf(keyPath));
}

ChangeMarks::Mark ChangeMarks::key(const QString& path) const { return keys_.value(keyOf(path), Mark::None); }

ChangeMarks::Mark ChangeMarks::value(const QString& keyPath, const QString& name) const {
    return values_.value(valueKey(keyPath, name), Mark::None);
}

QVariant ChangeMarks::decoration(Mark mark, int role) {
    if (mark == Mark::None) return {};
    if (mark == Mark::Deleted) {
        if (role == Qt::FontRole) {
            QFont f;
            f.setStrikeOut(true);
            return f;
        }
        // Dimmed as the palette dims what cannot be used: readable in light
        // and dark themes alike.
        if (role == Qt::ForegroundRole)
            return QBrush(QGuiApplication::palette().color(QPalette::Disabled, QPalette::Text));
        return {};
    }
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
