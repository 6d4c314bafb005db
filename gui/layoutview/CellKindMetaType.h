// hivekit::CellKind as a Qt meta type: it travels in signals (cellSelected)
// and QSignalSpy / queued connections need to know it. Included by every
// header whose signals carry it, before moc sees them.
#pragma once

#include <QMetaType>

#include "hive/CellScanner.h"

Q_DECLARE_METATYPE(hivekit::CellKind)
