#!/usr/bin/env python3
"""Independent cross-check of the chainrule test cases (not part of the build).

A small parser and numpy evaluator for the subset of the chainrule language that the test
cases use. For each X.nn it checks X.shapes against a symbolic shape pass, every line of
X.answers against central finite differences of the network (gradient, Jacobian or
vec-Jacobian as in SPEC section 2), and every verdict of X.claims (correct: agrees at every
point drawn; incorrect: at none; partly-correct: at some; shape-error: does not type-check or
has another shape). Distinct symbolic dimensions get distinct sizes (2..6), inputs are
uniform in [-1, 1] (one-hot, symmetric, positive where declared; square matrices near 2*I in
files with det/logdet/inv), opaque functions are random smooth ones.

    python3 crosscheck.py test-cases/*/*.nn          (needs numpy and sympy)
    VERIFY_SEED=3 VERIFY_POINTS=12 python3 crosscheck.py ...
"""
import re, sys, os, itertools, math
import numpy as np
import sympy as sp

ELEM = {'relu', 'sigmoid', 'tanh', 'exp', 'log', 'sqrt', 'abs', 'sin', 'cos', 'softplus',
        'square', 'sign', 'step'}
OTHER = {'softmax', 'log_softmax', 'logsumexp', 'sum', 'mean', 'norm', 'tr', 'det', 'logdet',
         'inv', 'dot', 'diag', 'kron', 'vec', 'eye', 'ones', 'zeros'}
FUNCS = ELEM | OTHER

TOK = re.compile(r"\s*(?:(\d+\.\d*|\d*\.\d+|\d+)|([A-Za-z_][A-Za-z_0-9]*)|(\.\*|\./|\.\^|[-+*/^'()\[\],;:=]))")


class ParseError(Exception):
    pass


def tokenize(s):
    toks = []
    i = 0
    s = s.rstrip()
    while i < len(s):
        if s[i].isspace():
            i += 1
            continue
        m = TOK.match(s, i)
        if not m or m.end() == i:
            raise ParseError('bad char at %d in %r' % (i, s))
        if m.group(1):
            toks.append(('num', m.group(1)))
        elif m.group(2):
            toks.append(('id', m.group(2)))
        else:
            toks.append(('op', m.group(3)))
        # record whether whitespace preceded (for transpose vs nothing) - not needed
        i = m.end()
    toks.append(('eof', None))
    return toks


class P:
    def __init__(self, toks, funs):
        self.t = toks
        self.i = 0
        self.funs = funs  # opaque funs

    def peek(self, k=0):
        return self.t[self.i + k]

    def eat(self, v=None):
        tk = self.t[self.i]
        if v is not None and tk[1] != v:
            raise ParseError('expected %r got %r' % (v, tk))
        self.i += 1
        return tk

    def expr(self):
        a = self.term()
        while self.peek()[1] in ('+', '-') and self.peek()[0] == 'op':
            op = self.eat()[1]
            b = self.term()
            a = (op, a, b)
        return a

    def term(self):
        a = self.unary()
        while self.peek()[0] == 'op' and self.peek()[1] in ('*', '.*', '/', './'):
            op = self.eat()[1]
            b = self.unary()
            a = (op, a, b)
        return a

    def unary(self):
        if self.peek() == ('op', '-'):
            self.eat()
            return ('neg', self.unary())
        return self.power()

    def power(self):
        a = self.postfix()
        if self.peek()[0] == 'op' and self.peek()[1] in ('^', '.^'):
            op = self.eat()[1]
            if self.peek() == ('op', '-'):
                self.eat()
                e = -float(self.eat()[1])
            else:
                e = float(self.eat()[1])
            a = (op, a, e)
        return a

    def postfix(self):
        a = self.primary()
        while True:
            tk = self.peek()
            if tk == ('op', "'"):
                self.eat()
                a = ('T', a)
            elif tk == ('op', '['):
                self.eat()
                idx = [self.index()]
                while self.peek() == ('op', ','):
                    self.eat()
                    idx.append(self.index())
                self.eat(']')
                a = ('slice', a, idx)
            else:
                return a

    def index(self):
        if self.peek() == ('op', ':'):
            self.eat()
            return ('all',)
        lo = self.idxval()
        if self.peek() == ('op', ':'):
            self.eat()
            hi = self.idxval()
            return ('range', lo, hi)
        return ('one', lo)

    def idxval(self):
        tk = self.eat()
        if tk == ('id', 'end'):
            v = 'end'
        elif tk[0] == 'num':
            v = int(tk[1])
        else:
            raise ParseError('bad index %r' % (tk,))
        if self.peek()[1] in ('-', '+') and self.peek()[0] == 'op':
            op = self.eat()[1]
            k = int(self.eat()[1])
            v = (v, op, k)
        return v

    def primary(self):
        tk = self.eat()
        if tk[0] == 'num':
            return ('num', float(tk[1]))
        if tk == ('op', '('):
            e = self.expr()
            self.eat(')')
            return e
        if tk == ('op', '['):
            rows = [[self.expr()]]
            while True:
                t2 = self.eat()
                if t2 == ('op', ','):
                    rows[-1].append(self.expr())
                elif t2 == ('op', ';'):
                    rows.append([self.expr()])
                elif t2 == ('op', ']'):
                    break
                else:
                    raise ParseError('bad concat %r' % (t2,))
            return ('cat', rows)
        if tk == ('id', 'd') and self.peek() == ('op', '(') and 'd' not in self.funs:
            self.eat('(')
            of = self.expr()
            self.eat(')')
            self.eat('/')
            self.eat('d')
            self.eat('(')
            v = self.eat()[1]
            self.eat(')')
            return ('deriv', of, v)
        if tk[0] == 'id':
            name = tk[1]
            isf = name in FUNCS or name in self.funs
            if isf and self.peek() == ('op', "'") and self.peek(1) == ('op', '('):
                self.eat()
                self.eat('(')
                args = self.args()
                return ('dcall', name, args)
            if isf and self.peek() == ('op', '('):
                self.eat('(')
                args = self.args()
                return ('call', name, args)
            return ('name', name)
        raise ParseError('unexpected %r' % (tk,))

    def args(self):
        args = [self.expr()]
        while self.peek() == ('op', ','):
            self.eat()
            args.append(self.expr())
        self.eat(')')
        return args


def parse_expr(s, funs):
    p = P(tokenize(s), funs)
    e = p.expr()
    if p.peek()[0] != 'eof':
        raise ParseError('trailing %r in %r' % (p.peek(), s))
    return e


def names_in(e, out):
    if isinstance(e, tuple):
        if e[0] == 'name':
            if e[1] not in out:
                out.append(e[1])
        elif e[0] == 'cat':
            for r in e[1]:
                for x in r:
                    names_in(x, out)
        elif e[0] in ('call', 'dcall'):
            for x in e[2]:
                names_in(x, out)
        elif e[0] == 'slice':
            names_in(e[1], out)
        else:
            for x in e[1:]:
                names_in(x, out)
    return out


# ---------------------------------------------------------------- file parsing
class Problem:
    def __init__(self, path):
        self.path = path
        self.decl = {}      # name -> (rdim, cdim, props)
        self.funs = {}      # name -> kind
        self.defs = {}      # name -> ast
        self.defsrc = {}
        self.order = []     # names by first appearance
        self.derives = []   # (of, [wrt])
        self.claims = []    # (line, of, wrt, [expr strings])
        self.dims = []
        self.parse()

    def see(self, n):
        if n not in self.order and n not in self.funs and n not in FUNCS and n not in ('end', 'I'):
            self.order.append(n)

    def parse(self):
        lines = open(self.path, encoding='utf-8').read().split('\n')
        for ln, raw in enumerate(lines, 1):
            line = raw.split('#', 1)[0].strip()
            if not line:
                continue
            if line.startswith('fun '):
                m = re.match(r'fun\s+(\w+)\s*:\s*(scalar|elementwise)$', line)
                assert m, (ln, line)
                self.funs[m.group(1)] = m.group(2)
                continue
            m = re.match(r'derive\s+(\w+)\s+wrt\s+(.*)$', line)
            if m:
                wrts = [w.strip() for w in m.group(2).split(',')]
                self.see(m.group(1))
                for w in wrts:
                    self.see(w)
                self.derives.append((m.group(1), wrts))
                continue
            m = re.match(r'claim\s+d\((\w+)\)/d\((\w+)\)\s*=\s*(.*)$', line)
            if m:
                steps = [s.strip() for s in m.group(3).split('=')]
                self.claims.append((ln, m.group(1), m.group(2), steps))
                for s in steps:
                    try:
                        for n in names_in(parse_expr(s, self.funs), []):
                            self.see(n)
                    except ParseError:
                        pass
                continue
            m = re.match(r'([A-Za-z_]\w*(?:\s*,\s*[A-Za-z_]\w*)*)\s*:\s*(.*)$', line)
            if m:
                names = [x.strip() for x in m.group(1).split(',')]
                rest = m.group(2).replace('×', 'x').split()
                props = []
                while rest and rest[-1] in ('onehot', 'symmetric', 'positive'):
                    props.insert(0, rest.pop())
                spec = ' '.join(rest)
                if spec == 'scalar':
                    r, c = '1', '1'
                else:
                    parts = re.split(r'\s+x\s+', spec)
                    if len(parts) == 1:
                        r, c = parts[0].replace(' ', ''), '1'
                    else:
                        r, c = parts[0].replace(' ', ''), parts[1].replace(' ', '')
                for n in names:
                    assert n not in self.decl, ('dup decl', n)
                    self.decl[n] = (r, c, props)
                    self.see(n)
                for d in (r, c):
                    for s in re.findall(r'[A-Za-z_]\w*', d):
                        if s not in self.dims:
                            self.dims.append(s)
                continue
            m = re.match(r'([A-Za-z_]\w*)\s*=\s*(.*)$', line)
            if m:
                n = m.group(1)
                assert n not in self.defs, ('dup def', n)
                self.see(n)
                e = parse_expr(m.group(2), self.funs)
                self.defs[n] = e
                for x in names_in(e, []):
                    self.see(x)
                continue
            raise ParseError('%s:%d: cannot parse %r' % (self.path, ln, line))
        self.inputs = [n for n in self.order if n not in self.defs]


# ---------------------------------------------------------------- numeric evaluation
class ShapeErr(Exception):
    pass


def sig(x):
    return 1 / (1 + np.exp(-x))


EF = {
    'relu': lambda x: np.maximum(x, 0), 'sigmoid': sig, 'tanh': np.tanh, 'exp': np.exp,
    'log': np.log, 'sqrt': np.sqrt, 'abs': np.abs, 'sin': np.sin, 'cos': np.cos,
    'softplus': lambda x: np.log1p(np.exp(x)), 'square': lambda x: x * x,
    'sign': np.sign, 'step': lambda x: (x > 0).astype(float),
}
EFD = {
    'relu': lambda x: (x > 0).astype(float), 'sigmoid': lambda x: sig(x) * (1 - sig(x)),
    'tanh': lambda x: 1 - np.tanh(x) ** 2, 'exp': np.exp, 'log': lambda x: 1 / x,
    'sqrt': lambda x: 0.5 / np.sqrt(x), 'abs': np.sign, 'sin': np.cos, 'cos': lambda x: -np.sin(x),
    'softplus': sig, 'square': lambda x: 2 * x, 'sign': lambda x: 0 * x, 'step': lambda x: 0 * x,
}


def is_scalar(a):
    return a.shape == (1, 1)


def bshape(a, b, op):
    if is_scalar(a) or is_scalar(b) or a.shape == b.shape:
        return
    ra, ca = a.shape
    rb, cb = b.shape
    if (ca == 1 and ra == rb) or (cb == 1 and ra == rb) or (ra == 1 and ca == cb) or (rb == 1 and ca == cb):
        return
    raise ShapeErr('%s: %s vs %s' % (op, a.shape, b.shape))


def softmax_vec(v):
    e = np.exp(v - v.max())
    return e / e.sum()


def colwise(a, f):
    if a.shape[0] > 1 and a.shape[1] > 1:
        return np.column_stack([f(a[:, j:j + 1]).ravel() for j in range(a.shape[1])])
    return f(a)


class Env:
    def __init__(self, prob, vals, dims, opaque):
        self.p = prob
        self.vals = dict(vals)
        self.dims = dims
        self.opaque = opaque
        self.cache = {}

    def get(self, n):
        if n in self.vals:
            return self.vals[n]
        if n in self.cache:
            return self.cache[n]
        if n in self.p.defs:
            v = self.ev(self.p.defs[n])
            self.cache[n] = v
            return v
        raise KeyError(n)

    def dim(self, e):
        v = self.ev(e)
        return int(round(v[0, 0]))

    def ev(self, e):
        k = e[0]
        if k == 'num':
            return np.array([[e[1]]])
        if k == 'name':
            if e[1] in self.dims and e[1] not in self.p.decl and e[1] not in self.p.defs:
                return np.array([[float(self.dims[e[1]])]])
            return self.get(e[1])
        if k == 'neg':
            return -self.ev(e[1])
        if k in ('+', '-', '.*', './'):
            a, b = self.ev(e[1]), self.ev(e[2])
            bshape(a, b, k)
            return {'+': np.add, '-': np.subtract, '.*': np.multiply, './': np.divide}[k](a, b)
        if k == '*':
            a, b = self.ev(e[1]), self.ev(e[2])
            if is_scalar(a) or is_scalar(b):
                return a * b
            if a.shape[1] != b.shape[0]:
                raise ShapeErr('* : %s vs %s' % (a.shape, b.shape))
            return a @ b
        if k == '/':
            a, b = self.ev(e[1]), self.ev(e[2])
            if not is_scalar(b):
                raise ShapeErr('/ by non-scalar')
            return a / b
        if k == '^':
            a = self.ev(e[1])
            if not is_scalar(a):
                raise ShapeErr('^ of non-scalar')
            return a ** e[2]
        if k == '.^':
            return self.ev(e[1]) ** e[2]
        if k == 'T':
            return self.ev(e[1]).T.copy()
        if k == 'slice':
            a = self.ev(e[1])
            idx = e[2]

            def rng(ix, n):
                def val(v):
                    if v == 'end':
                        return n
                    if isinstance(v, tuple):
                        b = val(v[0])
                        return b - v[2] if v[1] == '-' else b + v[2]
                    return v
                if ix[0] == 'all':
                    return list(range(n))
                if ix[0] == 'one':
                    return [val(ix[1]) - 1]
                lo, hi = val(ix[1]), val(ix[2])
                if lo < 1 or hi > n or lo > hi:
                    raise ShapeErr('slice out of range')
                return list(range(lo - 1, hi))
            if len(idx) == 1:
                if a.shape[1] == 1:
                    r = rng(idx[0], a.shape[0])
                    return a[r, :]
                if a.shape[0] == 1:
                    c = rng(idx[0], a.shape[1])
                    return a[:, c]
                raise ShapeErr('linear index of matrix')
            r = rng(idx[0], a.shape[0])
            c = rng(idx[1], a.shape[1])
            return a[np.ix_(r, c)]
        if k == 'cat':
            rows = []
            for row in e[1]:
                parts = [self.ev(x) for x in row]
                if len({p.shape[0] for p in parts}) != 1:
                    raise ShapeErr('horzcat rows')
                rows.append(np.hstack(parts))
            if len({r.shape[1] for r in rows}) != 1:
                raise ShapeErr('vertcat cols')
            return np.vstack(rows)
        if k == 'call':
            return self.call(e[1], e[2])
        if k == 'deriv':
            assert e[1][0] == 'name'
            return fd_derivative(self.p, self.vals, self.dims, self.opaque, e[1][1], e[2])[0]
        if k == 'dcall':
            f = e[1]
            a = self.ev(e[2][0])
            if f in EFD:
                return EFD[f](a)
            if f in self.p.funs:
                return self.opaque[f][1](a)
            raise ShapeErr("no derivative of " + f)
        raise ValueError(e)

    def call(self, f, args):
        if f in ('eye', 'ones', 'zeros'):
            ds = [self.dim(a) for a in args]
            if f == 'eye':
                return np.eye(ds[0])
            if len(ds) == 1:
                ds.append(ds[0])
            return (np.ones if f == 'ones' else np.zeros)((ds[0], ds[1]))
        a = [self.ev(x) for x in args]
        if f in self.p.funs:
            return self.opaque[f][0](a[0])
        if f in EF:
            return EF[f](a[0])
        x = a[0]
        if f == 'softmax':
            return colwise(x, softmax_vec)
        if f == 'log_softmax':
            return colwise(x, lambda v: np.log(softmax_vec(v)))
        if f == 'logsumexp':
            if x.shape[0] > 1 and x.shape[1] > 1:
                m = x.max(0, keepdims=True)
                return m + np.log(np.exp(x - m).sum(0, keepdims=True))
            m = x.max()
            return np.array([[m + np.log(np.exp(x - m).sum())]])
        if f in ('sum', 'mean'):
            red = np.sum if f == 'sum' else np.mean
            if len(a) == 1:
                return np.array([[red(x)]])
            ax = int(a[1][0, 0])
            return red(x, axis=ax - 1, keepdims=True)
        if f == 'norm':
            return np.array([[np.sqrt((x * x).sum())]])
        if f in ('tr', 'det', 'logdet', 'inv'):
            if x.shape[0] != x.shape[1]:
                raise ShapeErr(f + ' of non-square')
            if f == 'tr':
                return np.array([[np.trace(x)]])
            if f == 'det':
                return np.array([[np.linalg.det(x)]])
            if f == 'logdet':
                s, l = np.linalg.slogdet(x)
                if s <= 0:
                    raise ValueError('logdet domain')
                return np.array([[l]])
            return np.linalg.inv(x)
        if f == 'dot':
            y = a[1]
            if x.size != y.size or not (1 in x.shape and 1 in y.shape):
                raise ShapeErr('dot')
            return np.array([[float(x.ravel() @ y.ravel())]])
        if f == 'diag':
            if x.shape[1] == 1 or x.shape[0] == 1:
                if x.shape == (1, 1):
                    return x.copy()
                return np.diag(x.ravel())
            if x.shape[0] != x.shape[1]:
                raise ShapeErr('diag of non-square')
            return np.diag(x).reshape(-1, 1).copy()
        if f == 'kron':
            return np.kron(x, a[1])
        if f == 'vec':
            return x.reshape(-1, 1, order='F').copy()
        raise ValueError(f)


# ---------------------------------------------------------------- symbolic shapes
def symdim(s):
    return sp.sympify(s)


def fmt_dim(d):
    d = sp.expand(d)
    if d.is_Integer:
        return str(int(d))
    terms = sorted(d.as_ordered_terms(), key=lambda t: (t.is_Number, str(t)))
    out = ''
    for t in terms:
        st = str(t)
        if out and not st.startswith('-'):
            out += '+'
        out += st
    return out.replace(' ', '')


class SymShapes:
    def __init__(self, prob, given):
        self.p = prob
        self.sh = {}
        self.given = given  # undeclared input -> shape strings from .shapes

    def name(self, n):
        if n in self.sh:
            return self.sh[n]
        if n in self.p.decl:
            r, c, _ = self.p.decl[n]
            s = (symdim(r), symdim(c))
        elif n in self.p.defs:
            s = self.of(self.p.defs[n])
        elif n in self.given:
            s = self.given[n]
        else:
            s = (sp.Integer(1), sp.Integer(1))
        self.sh[n] = s
        return s

    def of(self, e):
        one = sp.Integer(1)
        k = e[0]
        if k == 'num':
            return (one, one)
        if k == 'name':
            return self.name(e[1])
        if k in ('neg',):
            return self.of(e[1])
        if k in ('+', '-', '.*', './'):
            a, b = self.of(e[1]), self.of(e[2])
            if a == (one, one):
                return b
            if b == (one, one):
                return a
            return (a[0] if a[0] != 1 else b[0], a[1] if a[1] != 1 else b[1])
        if k == '*':
            a, b = self.of(e[1]), self.of(e[2])
            if a == (one, one):
                return b
            if b == (one, one):
                return a
            return (a[0], b[1])
        if k in ('/', '^', '.^'):
            return self.of(e[1])
        if k == 'T':
            a = self.of(e[1])
            return (a[1], a[0])
        if k == 'cat':
            rows = [[self.of(x) for x in r] for r in e[1]]
            R = sum(r[0][0] for r in rows)
            C = sum(x[1] for x in rows[0])
            return (R, C)
        if k == 'slice':
            a = self.of(e[1])

            def ln(ix, n):
                def val(v):
                    if v == 'end':
                        return n
                    if isinstance(v, tuple):
                        b = val(v[0])
                        return b - v[2] if v[1] == '-' else b + v[2]
                    return sp.Integer(v)
                if ix[0] == 'all':
                    return n
                if ix[0] == 'one':
                    return one
                return val(ix[2]) - val(ix[1]) + 1
            if len(e[2]) == 1:
                if a[1] == 1:
                    return (ln(e[2][0], a[0]), one)
                return (one, ln(e[2][0], a[1]))
            return (ln(e[2][0], a[0]), ln(e[2][1], a[1]))
        if k == 'dcall':
            return self.of(e[2][0])
        if k == 'call':
            f, args = e[1], e[2]
            if f in ('eye',):
                d = self.dimexpr(args[0])
                return (d, d)
            if f in ('ones', 'zeros'):
                d1 = self.dimexpr(args[0])
                d2 = self.dimexpr(args[1]) if len(args) > 1 else d1
                return (d1, d2)
            a = self.of(args[0])
            if f in ELEM or f in ('softmax', 'log_softmax') or f in self.p.funs and self.p.funs[f] == 'elementwise':
                return a
            if f in self.p.funs:
                return (one, one)
            if f == 'logsumexp':
                if a[0] != 1 and a[1] != 1:
                    return (one, a[1])
                return (one, one)
            if f in ('sum', 'mean'):
                if len(args) == 1:
                    return (one, one)
                ax = int(args[1][1])
                return (one, a[1]) if ax == 1 else (a[0], one)
            if f in ('norm', 'tr', 'det', 'logdet', 'dot'):
                return (one, one)
            if f == 'inv':
                return a
            if f == 'diag':
                if a[1] == 1:
                    return (a[0], a[0])
                if a[0] == 1:
                    return (a[1], a[1])
                return (a[0], one)
            if f == 'kron':
                b = self.of(args[1])
                return (a[0] * b[0], a[1] * b[1])
            if f == 'vec':
                return (a[0] * a[1], one)
        raise ValueError(e)

    def dimexpr(self, e):
        if e[0] == 'num':
            return sp.Integer(int(e[1]))
        if e[0] == 'name':
            return sp.Symbol(e[1])
        if e[0] in ('+', '-'):
            a, b = self.dimexpr(e[1]), self.dimexpr(e[2])
            return a + b if e[0] == '+' else a - b
        raise ValueError(e)


# ---------------------------------------------------------------- checking
def draw_inputs(prob, rng, dims, undecl_shapes):
    vals = {}
    used_in = {}  # name -> set of funcs applied on it (crudely)
    for n in prob.inputs:
        if n in prob.dims and n not in prob.decl:
            continue
        if n in prob.decl:
            r, c, props = prob.decl[n]
            R = int(sp.sympify(r).subs(dims))
            C = int(sp.sympify(c).subs(dims))
        else:
            R, C, props = undecl_shapes[n][0], undecl_shapes[n][1], []
        if 'onehot' in props:
            v = np.zeros((R, C))
            v.flat[rng.integers(R * C)] = 1.0
        elif R == C and R > 1 and 'square_wc' in prob.__dict__.get('flags', ()):
            v = np.eye(R) + 0.3 * rng.standard_normal((R, C)) / np.sqrt(R)
        else:
            v = rng.uniform(-1, 1, size=(R, C))
        if 'positive' in props:
            v = np.abs(v) + 0.5
        if 'symmetric' in props:
            v = (v + v.T) / 2
            if 'positive' in props or prob.needs_pd:
                v = v @ v.T + R * np.eye(R)
        if R == C and R > 1 and prob.needs_pd and 'symmetric' not in props and 'onehot' not in props:
            v = np.eye(R) * 2 + 0.4 * rng.standard_normal((R, C)) / np.sqrt(R)
        vals[n] = v
    return vals


def fd_derivative(prob, vals, dims, opaque, of, wrt, h=1e-6):
    if wrt not in vals:
        vals = dict(vals)
        vals[wrt] = Env(prob, vals, dims, opaque).get(wrt)
    base = Env(prob, vals, dims, opaque).get(of)
    X = vals[wrt]
    F0 = base
    p = F0.size
    nX = X.size
    J = np.zeros((p, nX))
    # vec (column-major) ordering
    for j in range(nX):
        idx = np.unravel_index(j, X.shape, order='F')
        Xp = X.copy(); Xp[idx] += h
        Xm = X.copy(); Xm[idx] -= h
        vp = dict(vals); vp[wrt] = Xp
        vm = dict(vals); vm[wrt] = Xm
        Fp = Env(prob, vp, dims, opaque).get(of)
        Fm = Env(prob, vm, dims, opaque).get(of)
        J[:, j] = ((Fp - Fm) / (2 * h)).reshape(-1, order='F')
    if F0.shape == (1, 1):
        kind = 'gradient'
        return J.reshape(X.shape, order='F'), kind
    if (F0.shape[0] == 1 or F0.shape[1] == 1) and (X.shape[0] == 1 or X.shape[1] == 1):
        return J, 'jacobian'
    return J, 'vec-jacobian'


def make_opaque(prob, rng):
    op = {}
    for f, kind in prob.funs.items():
        a, b = rng.uniform(0.5, 1.5), rng.uniform(-1, 1)
        if kind == 'elementwise':
            op[f] = (lambda x, a=a, b=b: np.sin(a * x + b), lambda x, a=a, b=b: a * np.cos(a * x + b))
        else:
            seedc = rng.integers(1 << 30)

            def coef(shape, s=seedc):
                return np.random.default_rng(s).uniform(0.5, 1.5, size=shape)
            op[f] = (lambda x, a=a, b=b, coef=coef: np.array([[np.sum(coef(x.shape) * np.sin(a * x + b)) + 0.1 * np.sum(x * x)]]),
                     lambda x, a=a, b=b, coef=coef: coef(x.shape) * a * np.cos(a * x + b) + 0.2 * x)
    return op


def close(A, B, tol=1e-5):
    if A.shape != B.shape:
        return False
    scale = max(1e-7, np.abs(A).max(), np.abs(B).max())
    return bool(np.abs(A - B).max() <= tol * scale)


def run(path, npts=int(os.environ.get("VERIFY_POINTS", "8")), verbose=False):
    prob = Problem(path)
    base = path[:-3]
    errs = []
    text = open(path, encoding='utf-8').read()
    prob.needs_pd = bool(re.search(r'\b(det|logdet|inv)\(', text))
    # --- shapes file
    shp = {}
    order_in_file = []
    if os.path.exists(base + '.shapes'):
        for l in open(base + '.shapes', encoding='utf-8'):
            l = l.strip()
            if not l or l.startswith('#'):
                continue
            m = re.match(r'(\w+)\s*:\s*(\S+)\s+x\s+(\S+)$', l)
            assert m, ('bad shapes line', l)
            shp[m.group(1)] = (m.group(2), m.group(3))
            order_in_file.append(m.group(1))
    else:
        errs.append('missing .shapes')
    undecl = [n for n in prob.inputs if n not in prob.decl and n not in prob.dims]
    given = {n: (symdim(shp[n][0]), symdim(shp[n][1])) for n in undecl if n in shp}
    ss = SymShapes(prob, given)
    names = [n for n in prob.order if n not in prob.dims or n in prob.decl]
    computed = {}
    for n in names:
        s = ss.name(n)
        computed[n] = (fmt_dim(s[0]), fmt_dim(s[1]))
    if order_in_file != names:
        errs.append('shapes order/names differ:\n   file %s\n   want %s' % (order_in_file, names))
    for n in names:
        if n in shp and (sp.simplify(symdim(shp[n][0]) - symdim(computed[n][0])) != 0 or
                         sp.simplify(symdim(shp[n][1]) - symdim(computed[n][1])) != 0):
            errs.append('shape of %s: file %s, computed %s' % (n, shp[n], computed[n]))
    if verbose:
        for n in names:
            print('  %s : %s x %s' % (n, computed[n][0], computed[n][1]))
    # --- numeric
    rng = np.random.default_rng(int(os.environ.get("VERIFY_SEED", "12345")))
    answers = []
    if os.path.exists(base + '.answers'):
        for l in open(base + '.answers', encoding='utf-8'):
            l = l.strip()
            if not l or l.startswith('#'):
                continue
            m = re.match(r'd\((\w+)\)/d\((\w+)\)\s*=\s*(.*)$', l)
            assert m, ('bad answers line', l)
            answers.append((m.group(1), m.group(2), m.group(3)))
    pairs = [(o, w) for o, ws in prob.derives for w in ws]
    if prob.derives and not os.path.exists(base + '.answers'):
        errs.append('missing .answers')
    ans_pairs = [(o, w) for o, w, _ in answers]
    for ap in ans_pairs:
        if ap not in pairs:
            errs.append('answer for pair not requested: %s' % (ap,))
    missing = [p for p in pairs if p not in ans_pairs]
    claims_exp = {}
    if os.path.exists(base + '.claims'):
        for l in open(base + '.claims', encoding='utf-8'):
            l = l.strip()
            if not l or l.startswith('#'):
                continue
            a, b = l.split()
            claims_exp[int(a)] = b
    if prob.claims and not os.path.exists(base + '.claims'):
        errs.append('missing .claims')
    if sorted(claims_exp) != sorted(c[0] for c in prob.claims):
        errs.append('claims lines differ: file %s, nn %s' % (sorted(claims_exp), [c[0] for c in prob.claims]))
    ans_ok = {i: 0 for i in range(len(answers))}
    claim_res = {c[0]: [] for c in prob.claims}
    claim_shape_err = {}
    for pt in range(npts):
        dims = {s: int(v) for s, v in zip(prob.dims, rng.permutation([2, 3, 4, 5, 6])[:len(prob.dims)])}
        dims_sym = {sp.Symbol(k): v for k, v in dims.items()}
        und = {}
        for n in undecl:
            r, c = given[n]
            und[n] = (int(r.subs(dims_sym)), int(c.subs(dims_sym)))
        for attempt in range(50):
            vals = draw_inputs(prob, rng, dims_sym, und)
            opaque = make_opaque(prob, rng)
            try:
                env = Env(prob, vals, dims, opaque)
                for n in prob.defs:
                    env.get(n)
                # check numeric shapes agree with symbolic
                for n in names:
                    v = vals[n] if n in vals else env.get(n)
                    want = (int(symdim(computed[n][0]).subs(dims_sym)), int(symdim(computed[n][1]).subs(dims_sym)))
                    if v.shape != want:
                        errs.append('numeric shape %s %s != %s' % (n, v.shape, want))
                # kink avoidance: any relu/abs/sign/step arg near 0 -> redraw
                if near_kink(prob, env):
                    continue
                bad = any(not np.all(np.isfinite(env.get(n))) for n in prob.defs)
                if bad:
                    continue
                break
            except (ValueError, FloatingPointError):
                continue
        else:
            errs.append('could not draw a valid point')
            break
        fdc = {}

        def fd(o, w):
            if (o, w) not in fdc:
                fdc[(o, w)] = fd_derivative(prob, vals, dims, opaque, o, w)
            return fdc[(o, w)]
        for i, (o, w, ex) in enumerate(answers):
            try:
                val = Env(prob, vals, dims, opaque).ev(parse_expr(ex, prob.funs))
            except ShapeErr as se:
                errs.append('answer %s: shape error %s' % (ex, se))
                ans_ok[i] = -999
                continue
            J, kind = fd(o, w)
            if close(J, val):
                ans_ok[i] += 1
            elif verbose:
                print('   mismatch', o, w, val.shape, J.shape)
        for (ln, o, w, steps) in prob.claims:
            J, kind = fd(o, w)
            prev = J
            res = []
            for s in steps:
                try:
                    v = Env(prob, vals, dims, opaque).ev(parse_expr(s, prob.funs))
                except ShapeErr as se:
                    res.append('shape')
                    break
                except ParseError as pe:
                    res.append('parse')
                    break
                if v.shape != prev.shape:
                    res.append('shape')
                    break
                res.append(close(prev, v))
                prev = v
            claim_res[ln].append(res)
    for i, (o, w, ex) in enumerate(answers):
        if ans_ok[i] != npts:
            errs.append('answer d(%s)/d(%s) = %s agrees at %d/%d points' % (o, w, ex, ans_ok[i], npts))
    for ln, runs in claim_res.items():
        # verdict per step
        nsteps = max(len(r) for r in runs)
        verdict = None
        for k in range(nsteps):
            col = [r[k] if k < len(r) else None for r in runs]
            if any(c in ('shape', 'parse') for c in col):
                verdict = 'shape-error' if 'shape' in col else 'syntax'
                break
            t = sum(1 for c in col if c is True)
            if t == len(col):
                continue
            verdict = 'incorrect' if t == 0 else 'partly-correct'
            break
        if verdict is None:
            verdict = 'correct'
        if claims_exp.get(ln) != verdict:
            errs.append('claim line %d: file says %s, computed %s (%s)' % (ln, claims_exp.get(ln), verdict, runs))
    return prob, errs, missing


KINK = {'relu', 'abs', 'sign', 'step'}


def near_kink(prob, env):
    def walk(e):
        if not isinstance(e, tuple):
            return False
        if e[0] in ('call', 'dcall') and (e[1] in KINK or e[0] == 'dcall' and e[1] == 'relu'):
            v = env.ev(e[2][0])
            if np.any((np.abs(v) < 1e-3) & (v != 0)):
                return True
        if e[0] == 'cat':
            return any(walk(x) for r in e[1] for x in r)
        if e[0] in ('call', 'dcall'):
            return any(walk(x) for x in e[2])
        if e[0] == 'slice':
            return walk(e[1])
        return any(walk(x) for x in e[1:] if isinstance(x, tuple))
    return any(walk(e) for e in prob.defs.values())


if __name__ == '__main__':
    verbose = '-v' in sys.argv
    files = [a for a in sys.argv[1:] if a.endswith('.nn')]
    total = 0
    for f in files:
        try:
            prob, errs, missing = run(f, verbose=verbose)
        except Exception as ex:
            import traceback
            traceback.print_exc()
            errs, missing = ['EXC %r' % ex], []
        status = 'OK ' if not errs else 'ERR'
        print('%s %s%s' % (status, f, ('  (no answer for %s)' % missing) if missing else ''))
        for e in errs:
            print('    ' + e)
        total += bool(errs)
    print('%d files, %d with errors' % (len(files), total))
