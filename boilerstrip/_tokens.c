/* The token pass of the trigger index in C: one walk over a text's lines instead of two
 * regex passes, a reversed copy and a lower-cased list of tokens.
 *
 * LineTokens(starts, ends, lead, tail).mark(text, first, out) computes exactly what
 * boilerstrip.triggers.LineTokens does in Python (the reference; tests/test_native.py
 * runs both on every corpus text and under hypothesis): for every line, its first token
 * (after characters of `lead`) and its last token (before characters of `tail`), where a
 * token is one decimal digit, a run of word characters or one other non-space character,
 * as the `re` module reads \d, \w and \s; each token lower-cased by str.lower() is looked
 * up in `starts` or `ends`, and the mask found is or-ed into out[first + line]. It
 * returns the number of line breaks.
 *
 * Built by `pip install .` when a C compiler is there; without it, or with
 * BOILERSTRIP_PURE=1 in the environment, the Python code runs instead.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <string.h>

#define MAX_SET 128

typedef struct {
    Py_UCS4 chars[MAX_SET];
    Py_ssize_t n;
} CharSet;

static int
charset_init(CharSet *set, PyObject *s)
{
    Py_ssize_t n = PyUnicode_GET_LENGTH(s);
    if (n > MAX_SET) {
        PyErr_SetString(PyExc_ValueError, "too many characters in a skip set");
        return -1;
    }
    for (Py_ssize_t i = 0; i < n; i++)
        set->chars[i] = PyUnicode_READ_CHAR(s, i);
    set->n = n;
    return 0;
}

static inline int
charset_has(const CharSet *set, Py_UCS4 c)
{
    for (Py_ssize_t i = 0; i < set->n; i++)
        if (set->chars[i] == c)
            return 1;
    return 0;
}

/* \w and \d as the re module reads them in a str pattern. */
static inline int
is_word(Py_UCS4 c)
{
    if (c < 128)
        return Py_ISALNUM(c) || c == '_';
    return Py_UNICODE_ISALNUM(c);
}

static inline int
is_decimal(Py_UCS4 c)
{
    return c < 128 ? (Py_ISDIGIT(c) != 0) : (Py_UNICODE_ISDECIMAL(c) != 0);
}

/* Where the next line break is, from i on (len if none). */
static Py_ssize_t
find_break(int kind, const void *data, Py_ssize_t i, Py_ssize_t len)
{
    if (kind == PyUnicode_1BYTE_KIND) {
        const Py_UCS1 *p = (const Py_UCS1 *)data;
        const void *hit = memchr(p + i, '\n', (size_t)(len - i));
        return hit ? (const Py_UCS1 *)hit - p : len;
    }
    if (kind == PyUnicode_2BYTE_KIND) {
        const Py_UCS2 *p = (const Py_UCS2 *)data;
        while (i < len && p[i] != '\n')
            i++;
        return i;
    }
    const Py_UCS4 *p = (const Py_UCS4 *)data;
    while (i < len && p[i] != '\n')
        i++;
    return i;
}

/* What a dictionary's keys allow: the longest key, and a Bloom filter of the ASCII keys,
 * so that most ASCII tokens are turned down without making a str of them (a token the
 * filter lets through is looked up; a non-ASCII token always is). */
#define BLOOM_BITS (1 << 16)

typedef struct {
    Py_ssize_t max_len;
    unsigned char bloom[BLOOM_BITS / 8];
} KeyFilter;

static inline uint32_t
fnv1a(const unsigned char *s, Py_ssize_t n)
{
    uint32_t h = 2166136261u;
    for (Py_ssize_t i = 0; i < n; i++)
        h = (h ^ s[i]) * 16777619u;
    return h;
}

static inline void
bloom_add(KeyFilter *f, uint32_t h)
{
    f->bloom[(h & (BLOOM_BITS - 1)) >> 3] |= 1 << (h & 7);
    h >>= 16;
    f->bloom[(h & (BLOOM_BITS - 1)) >> 3] |= 1 << (h & 7);
}

static inline int
bloom_has(const KeyFilter *f, uint32_t h)
{
    if (!(f->bloom[(h & (BLOOM_BITS - 1)) >> 3] & (1 << (h & 7))))
        return 0;
    h >>= 16;
    return (f->bloom[(h & (BLOOM_BITS - 1)) >> 3] & (1 << (h & 7))) != 0;
}

static void
filter_init(KeyFilter *f, PyObject *dict)
{
    PyObject *k, *v;
    Py_ssize_t pos = 0;
    f->max_len = 0;
    memset(f->bloom, 0, sizeof f->bloom);
    while (PyDict_Next(dict, &pos, &k, &v)) {
        if (!PyUnicode_Check(k))
            continue;
        Py_ssize_t n = PyUnicode_GET_LENGTH(k);
        if (n > f->max_len)
            f->max_len = n;
        if (PyUnicode_IS_ASCII(k))
            bloom_add(f, fnv1a(PyUnicode_1BYTE_DATA(k), n));
    }
}

static int or_into(PyObject *out, Py_ssize_t line, PyObject *mask);

/* Look the token text[a:b] up, lower-cased, and or its mask into out[line]. */
static int
mark(PyObject *text, int kind, const void *data, Py_ssize_t a, Py_ssize_t b,
     PyObject *dict, const KeyFilter *f, PyObject *out, Py_ssize_t line)
{
    Py_ssize_t n = b - a;
    if (n > f->max_len)  /* lower() never makes a token shorter */
        return 0;
    unsigned char buf[256];
    int ascii = n <= (Py_ssize_t)sizeof buf;
    for (Py_ssize_t i = 0; ascii && i < n; i++) {
        Py_UCS4 c = PyUnicode_READ(kind, data, a + i);
        if (c >= 128)
            ascii = 0;
        else
            buf[i] = (unsigned char)Py_TOLOWER(c);
    }
    PyObject *low;
    if (ascii) {
        if (!bloom_has(f, fnv1a(buf, n)))
            return 0;
        low = PyUnicode_FromKindAndData(PyUnicode_1BYTE_KIND, buf, n);
        if (low == NULL)
            return -1;
    }
    else {
        PyObject *tok = PyUnicode_Substring(text, a, b);
        if (tok == NULL)
            return -1;
        low = PyObject_CallMethod(tok, "lower", NULL);
        Py_DECREF(tok);
        if (low == NULL)
            return -1;
    }
    PyObject *mask = PyDict_GetItemWithError(dict, low);  /* borrowed */
    Py_DECREF(low);
    if (mask == NULL)
        return PyErr_Occurred() ? -1 : 0;
    return or_into(out, line, mask);
}

/* ASCII literals, lower-cased, found in a line as its key would have them: an ASCII
 * character of the text compared lower-cased, any other never equal to one. */
typedef struct {
    Py_ssize_t n;              /* how many */
    unsigned char **chars;     /* each literal's characters */
    Py_ssize_t *len;
    PyObject **mask;           /* each literal's mask (a reference) */
    Py_ssize_t *next;          /* the next literal with the same first character, or -1 */
    Py_ssize_t first[128];     /* the first literal that starts with this character, or -1 */
} Literals;

typedef struct {
    PyObject_HEAD
    PyObject *starts, *ends;
    CharSet lead, tail;
    KeyFilter fs, fe;
    Literals lits;
} LineTokens;

static void
literals_free(Literals *l)
{
    for (Py_ssize_t k = 0; k < l->n; k++) {
        PyMem_Free(l->chars ? l->chars[k] : NULL);
        Py_XDECREF(l->mask ? l->mask[k] : NULL);
    }
    PyMem_Free(l->chars);
    PyMem_Free(l->len);
    PyMem_Free(l->mask);
    PyMem_Free(l->next);
    l->chars = NULL;
    l->len = l->next = NULL;
    l->mask = NULL;
    l->n = 0;
}

/* From a list of (literal, mask): each literal ASCII, lower-case and not empty. */
static int
literals_init(Literals *l, PyObject *list)
{
    literals_free(l);
    for (int c = 0; c < 128; c++)
        l->first[c] = -1;
    Py_ssize_t n = PyList_GET_SIZE(list);
    l->chars = PyMem_Calloc(n ? n : 1, sizeof *l->chars);
    l->len = PyMem_Calloc(n ? n : 1, sizeof *l->len);
    l->mask = PyMem_Calloc(n ? n : 1, sizeof *l->mask);
    l->next = PyMem_Calloc(n ? n : 1, sizeof *l->next);
    if (!l->chars || !l->len || !l->mask || !l->next) {
        PyErr_NoMemory();
        return -1;
    }
    for (Py_ssize_t k = 0; k < n; k++) {
        PyObject *item = PyList_GET_ITEM(list, k), *lit, *mask;
        if (!PyArg_ParseTuple(item, "UO", &lit, &mask))
            return -1;
        Py_ssize_t m = PyUnicode_GET_LENGTH(lit);
        if (m == 0 || !PyUnicode_IS_ASCII(lit)) {
            PyErr_SetString(PyExc_ValueError, "a literal must be ASCII and not empty");
            return -1;
        }
        l->chars[k] = PyMem_Malloc(m);
        if (l->chars[k] == NULL) {
            PyErr_NoMemory();
            return -1;
        }
        memcpy(l->chars[k], PyUnicode_1BYTE_DATA(lit), m);
        l->len[k] = m;
        Py_INCREF(mask);
        l->mask[k] = mask;
        l->n = k + 1;
        unsigned char c0 = l->chars[k][0];
        l->next[k] = l->first[c0];
        l->first[c0] = k;
    }
    return 0;
}

/* Or mask into out[line]. */
static int
or_into(PyObject *out, Py_ssize_t line, PyObject *mask)
{
    PyObject *key = PyLong_FromSsize_t(line);
    if (key == NULL)
        return -1;
    PyObject *old = PyDict_GetItemWithError(out, key); /* borrowed */
    int rc;
    if (old == NULL) {
        rc = PyErr_Occurred() ? -1 : PyDict_SetItem(out, key, mask);
    }
    else {
        PyObject *both = PyNumber_Or(old, mask);
        rc = both == NULL ? -1 : PyDict_SetItem(out, key, both);
        Py_XDECREF(both);
    }
    Py_DECREF(key);
    return rc;
}

static inline Py_UCS4
ascii_lower(Py_UCS4 c)
{
    return c < 128 ? (Py_UCS4)Py_TOLOWER(c) : 0x80; /* 0x80: equal to no literal's */
}

/* Mark line `line` (text[s:e]) for every literal in it. */
static int
mark_literals(const Literals *l, int kind, const void *data, Py_ssize_t s, Py_ssize_t e,
              PyObject *out, Py_ssize_t line, Py_ssize_t *marked)
{
    for (Py_ssize_t p = s; p < e; p++) {
        Py_UCS4 c = ascii_lower(PyUnicode_READ(kind, data, p));
        if (c >= 128)
            continue;
        for (Py_ssize_t k = l->first[c]; k >= 0; k = l->next[k]) {
            if (marked[k] == line || p + l->len[k] > e)
                continue;
            Py_ssize_t j = 1;
            while (j < l->len[k] &&
                   ascii_lower(PyUnicode_READ(kind, data, p + j)) == l->chars[k][j])
                j++;
            if (j == l->len[k]) {
                marked[k] = line;
                if (or_into(out, line, l->mask[k]) < 0)
                    return -1;
            }
        }
    }
    return 0;
}

static int
LineTokens_init(LineTokens *self, PyObject *args, PyObject *kwds)
{
    PyObject *starts, *ends, *lead, *tail, *literals = NULL;
    if (!PyArg_ParseTuple(args, "O!O!UU|O!", &PyDict_Type, &starts, &PyDict_Type, &ends,
                          &lead, &tail, &PyList_Type, &literals))
        return -1;
    if (charset_init(&self->lead, lead) < 0 || charset_init(&self->tail, tail) < 0)
        return -1;
    Py_INCREF(starts);
    Py_XSETREF(self->starts, starts);
    Py_INCREF(ends);
    Py_XSETREF(self->ends, ends);
    filter_init(&self->fs, starts);
    filter_init(&self->fe, ends);
    if (literals == NULL) {
        PyObject *none = PyList_New(0);
        if (none == NULL)
            return -1;
        int rc = literals_init(&self->lits, none);
        Py_DECREF(none);
        return rc;
    }
    return literals_init(&self->lits, literals);
}

static void
LineTokens_dealloc(LineTokens *self)
{
    Py_XDECREF(self->starts);
    Py_XDECREF(self->ends);
    literals_free(&self->lits);
    Py_TYPE(self)->tp_free((PyObject *)self);
}

static PyObject *
LineTokens_mark(LineTokens *self, PyObject *args)
{
    PyObject *text, *out;
    Py_ssize_t first;
    int with_literals = 1;
    if (!PyArg_ParseTuple(args, "UnO!|p", &text, &first, &PyDict_Type, &out, &with_literals))
        return NULL;
    if (self->starts == NULL) {
        PyErr_SetString(PyExc_RuntimeError, "LineTokens is not initialised");
        return NULL;
    }
    PyObject *starts = self->starts, *ends = self->ends;
    int do_starts = PyDict_GET_SIZE(starts) > 0, do_ends = PyDict_GET_SIZE(ends) > 0;
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    Py_ssize_t len = PyUnicode_GET_LENGTH(text);
    const Literals *lits = &self->lits;
    int do_lits = with_literals && lits->n > 0;
    Py_ssize_t *marked = NULL; /* the last line each literal marked */
    if (do_lits) {
        marked = PyMem_Malloc(lits->n * sizeof *marked);
        if (marked == NULL)
            return PyErr_NoMemory();
        for (Py_ssize_t k = 0; k < lits->n; k++)
            marked[k] = -1;
    }
    Py_ssize_t s = 0, line = 0;
    for (;;) {
        Py_ssize_t e = find_break(kind, data, s, len);
        if (do_lits && mark_literals(lits, kind, data, s, e, out, first + line, marked) < 0)
            goto fail;
        if (do_starts) {
            Py_ssize_t i = s;
            while (i < e && charset_has(&self->lead, PyUnicode_READ(kind, data, i)))
                i++;
            if (i < e) {
                Py_UCS4 c = PyUnicode_READ(kind, data, i);
                Py_ssize_t j = i + 1;
                if (is_decimal(c))
                    ;
                else if (is_word(c))
                    while (j < e && is_word(PyUnicode_READ(kind, data, j)))
                        j++;
                else if (Py_UNICODE_ISSPACE(c))
                    j = i;
                if (j > i &&
                    mark(text, kind, data, i, j, starts, &self->fs, out, first + line) < 0)
                    goto fail;
            }
        }
        if (do_ends) {
            Py_ssize_t j = e;
            while (j > s && charset_has(&self->tail, PyUnicode_READ(kind, data, j - 1)))
                j--;
            if (j > s) {
                Py_UCS4 c = PyUnicode_READ(kind, data, j - 1);
                Py_ssize_t i = j - 1;
                if (is_decimal(c))
                    ;
                else if (is_word(c))
                    while (i > s && is_word(PyUnicode_READ(kind, data, i - 1)))
                        i--;
                else if (Py_UNICODE_ISSPACE(c))
                    i = j;
                if (j > i &&
                    mark(text, kind, data, i, j, ends, &self->fe, out, first + line) < 0)
                    goto fail;
            }
        }
        if (e >= len)
            break;
        s = e + 1;
        line++;
    }
    PyMem_Free(marked);
    return PyLong_FromSsize_t(line);
fail:
    PyMem_Free(marked);
    return NULL;
}

static PyMethodDef LineTokens_methods[] = {
    {"mark", (PyCFunction)LineTokens_mark, METH_VARARGS,
     "mark(text, first, out, literals=True) -> the number of line breaks"},
    {NULL, NULL, 0, NULL},
};

static PyTypeObject LineTokensType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "boilerstrip._tokens.LineTokens",
    .tp_doc = "LineTokens(starts, ends, lead, tail, literals=[]): marks lines by their first "
              "and last tokens and the ASCII literals in them",
    .tp_basicsize = sizeof(LineTokens),
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_new = PyType_GenericNew,
    .tp_init = (initproc)LineTokens_init,
    .tp_dealloc = (destructor)LineTokens_dealloc,
    .tp_methods = LineTokens_methods,
};

/* cut(text, spans): text[spans[0]:spans[1]] + text[spans[2]:spans[3]] + ..., written into
   the output directly (spans: a buffer of int64, as array("q")). */
static PyObject *
cut(PyObject *self, PyObject *args)
{
    PyObject *text, *spans_obj;
    if (!PyArg_ParseTuple(args, "UO", &text, &spans_obj))
        return NULL;
    Py_buffer view;
    if (PyObject_GetBuffer(spans_obj, &view, PyBUF_FORMAT | PyBUF_C_CONTIGUOUS) < 0)
        return NULL;
    PyObject *out = NULL;
    if (view.itemsize != 8 || view.format == NULL || strcmp(view.format, "q") != 0 ||
        (view.len / 8) % 2 != 0) {
        PyErr_SetString(PyExc_TypeError, "cut() takes spans as an even array('q')");
        goto done;
    }
    const long long *sp = view.buf;
    Py_ssize_t n = view.len / 8, len = PyUnicode_GET_LENGTH(text), total = 0;
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    Py_UCS4 maxchar = 0;
    for (Py_ssize_t k = 0; k < n; k += 2) {
        long long a = sp[k], b = sp[k + 1];
        if (a < 0 || b < a || b > len) {
            PyErr_SetString(PyExc_ValueError, "cut(): a span outside the text");
            goto done;
        }
        total += (Py_ssize_t)(b - a);
        if (kind == PyUnicode_1BYTE_KIND && PyUnicode_IS_ASCII(text))
            continue;
        for (Py_ssize_t i = (Py_ssize_t)a; i < (Py_ssize_t)b; i++) {
            Py_UCS4 c = PyUnicode_READ(kind, data, i);
            if (c > maxchar)
                maxchar = c;
        }
    }
    out = PyUnicode_New(total, maxchar);
    if (out == NULL)
        goto done;
    /* Pieces of the output's width are copied as they are (PyUnicode_CopyCharacters of
       CPython 3.11 checks the wrong characters when Latin-1 goes into ASCII); narrower
       ones are converted. */
    int out_kind = PyUnicode_KIND(out);
    char *out_data = PyUnicode_DATA(out);
    Py_ssize_t pos = 0;
    for (Py_ssize_t k = 0; k < n; k += 2) {
        Py_ssize_t a = (Py_ssize_t)sp[k], m = (Py_ssize_t)(sp[k + 1] - sp[k]);
        if (m > 0 && out_kind == kind)
            memcpy(out_data + pos * kind, (const char *)data + a * kind, (size_t)(m * kind));
        else if (m > 0 && PyUnicode_CopyCharacters(out, pos, text, a, m) < 0) {
            Py_CLEAR(out);
            goto done;
        }
        pos += m;
    }
done:
    PyBuffer_Release(&view);
    return out;
}

static PyMethodDef module_methods[] = {
    {"cut", cut, METH_VARARGS,
     "cut(text, spans): the pieces text[spans[0]:spans[1]], text[spans[2]:spans[3]], ... "
     "joined"},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {
    PyModuleDef_HEAD_INIT, "boilerstrip._tokens", NULL, -1, module_methods,
};

PyMODINIT_FUNC
PyInit__tokens(void)
{
    if (PyType_Ready(&LineTokensType) < 0)
        return NULL;
    PyObject *m = PyModule_Create(&module);
    if (m == NULL)
        return NULL;
    /* The interface's version: a build of an older source is not used (triggers.py). */
    if (PyModule_AddIntConstant(m, "VERSION", 3) < 0) {
        Py_DECREF(m);
        return NULL;
    }
    Py_INCREF(&LineTokensType);
    if (PyModule_AddObject(m, "LineTokens", (PyObject *)&LineTokensType) < 0) {
        Py_DECREF(&LineTokensType);
        Py_DECREF(m);
        return NULL;
    }
    return m;
}
