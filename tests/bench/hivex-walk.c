/* The peer of `hivectl check` and `hivectl dump --no-data` in compare.py:
 * a libhivex walk of every key and value that prints nothing.
 *
 *   hivex-walk HIVE          names of keys and values (what dump --no-data shows)
 *   hivex-walk HIVE --data   the same, and every value's data read (a full walk)
 *
 * Prints one line at the end: keys, values, data bytes. */
#include <hivex.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct totals {
    unsigned long long keys, values, bytes;
};

static void walk(hive_h *h, hive_node_h node, int withData, struct totals *t) {
    char *name = hivex_node_name(h, node);
    free(name);
    ++t->keys;
    hive_value_h *values = hivex_node_values(h, node);
    if (values) {
        for (size_t i = 0; values[i]; ++i) {
            char *key = hivex_value_key(h, values[i]);
            free(key);
            ++t->values;
            if (withData) {
                hive_type type;
                size_t len;
                char *data = hivex_value_value(h, values[i], &type, &len);
                if (data) t->bytes += len;
                free(data);
            }
        }
        free(values);
    }
    hive_node_h *children = hivex_node_children(h, node);
    if (children) {
        for (size_t i = 0; children[i]; ++i) walk(h, children[i], withData, t);
        free(children);
    }
}

int main(int argc, char **argv) {
    if (argc < 2) {
        fprintf(stderr, "usage: hivex-walk HIVE [--data]\n");
        return 2;
    }
    const int withData = argc > 2 && strcmp(argv[2], "--data") == 0;
    hive_h *h = hivex_open(argv[1], 0);
    if (!h) {
        perror(argv[1]);
        return 1;
    }
    struct totals t = {0, 0, 0};
    walk(h, hivex_root(h), withData, &t);
    hivex_close(h);
    printf("%llu keys, %llu values, %llu data bytes\n", t.keys, t.values, t.bytes);
    return 0;
}
