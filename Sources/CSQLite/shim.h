#include <sqlite3.h>

/// SQLITE_TRANSIENT is a macro casting -1 to a function pointer, which Swift cannot import: this constant stands in.
static const sqlite3_destructor_type csqlite_transient = (sqlite3_destructor_type)-1;
