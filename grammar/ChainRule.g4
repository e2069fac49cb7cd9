// The chainrule language (SPEC §1): declarations, definitions and requests, one a line.
// Function names are plain identifiers; the table in chainrule.expr knows them.
grammar ChainRule;

@lexer::members {
    // A statement goes on while a bracket or parenthesis is open: newlines inside are dropped,
    // unless the next line plainly starts a statement of its own (`name = ...`, `derive ...`,
    // `claim ...`, `fun ...`); then the bracket was left open by mistake, and the statement ends
    // there so the mistake is reported where it was made, not at the end of the file.
    private int depth = 0;
    private void open() { depth++; }
    private void close() { if (depth > 0) depth--; }
    public int openBrackets() { return depth; }

    private void newline() {
        if (depth == 0) return;
        if (nextLineStartsStatement()) depth = 0;
        else skip();
    }

    private boolean nextLineStartsStatement() {
        int i = 1;
        while (_input.LA(i) == ' ' || _input.LA(i) == '\t') i++;
        StringBuilder word = new StringBuilder();
        for (int c = _input.LA(i); Character.isLetterOrDigit(c) || c == '_'; c = _input.LA(++i)) {
            if (word.length() < 16) word.appendCodePoint(c);
        }
        if (word.isEmpty()) return false;
        String w = word.toString();
        if (w.equals("derive") || w.equals("claim") || w.equals("fun")) return _input.LA(i) == ' ' || _input.LA(i) == '\t';
        while (_input.LA(i) == ' ' || _input.LA(i) == '\t') i++;
        return _input.LA(i) == '=' && _input.LA(i + 1) != '=';
    }

    // A name's letters (Unicode Lu, Ll, Lt, Lo and _) and digits (N) outside ASCII are tested here, not spelled
    // [\p{Lu}...] in the rules: the lexer's tables would hold those classes as some thousand ranges, which took
    // tens of milliseconds to read at every start. Modifier letters (Lm) are left out so that ᵀ after a name
    // is a transpose.
    private static boolean letter(int c) {
        return switch (Character.getType(c)) {
            case Character.UPPERCASE_LETTER, Character.LOWERCASE_LETTER, Character.TITLECASE_LETTER, Character.OTHER_LETTER -> true;
            default -> false;
        };
    }

    private static boolean letterOrDigit(int c) {
        return letter(c) || switch (Character.getType(c)) {
            case Character.DECIMAL_DIGIT_NUMBER, Character.LETTER_NUMBER, Character.OTHER_NUMBER -> true;
            default -> false;
        };
    }
}

// The parse stage splits a file into statements at the newlines the lexer keeps and parses
// each one alone, so that one mistake costs one message and the others are still found.
lone       : statement EOF ;

statement
    : FUN name ':' name                                   # funDecl
    | name (',' name)* ':' shapeSpec                      # varDecl
    | name '=' expr                                       # definition
    | DERIVE HESSIAN? expr WRT name (',' name)*           # derive
    | CLAIM expr ('=' expr)+                              # claim
    | expr                                                # bareExpr
    ;

// `3 x 2`, `m × n`, `scalar`, `10 onehot`, `1 x 10 onehot`; the 'x' separator is an identifier
shapeSpec  : (dim (times dim)?) name* ;
times      : TIMES | name ;
dim        : dimTerm (op+=('+' | '-') dimTerm)* ;
dimTerm    : NUMBER ('*' name)? | name ;

expr
    : primary                                             # atom
    | expr ('\'' | TRANSPOSE_T | SUPER_T)                 # transpose
    | expr '[' index (',' index)? ']'                     # slice
    | expr op=('^' | '.^') exponent                       # power
    | '-' expr                                            # negate
    | expr op=('*' | DOT | '.*' | ODOT | CIRC | '/' | './') expr   # multiply
    | expr op=('+' | '-') expr                            # add
    ;

exponent   : '-'? primary ;

primary
    : D '(' expr ')' '/' D '(' expr ')'                   # derivParens
    | PARTIAL primary '/' PARTIAL primary                 # derivPartial
    | DNAME '/' DNAME                                     # derivShort
    | name ('\'' | PRIME)* '(' (expr (',' expr)*)? ')'    # call
    | NUMBER                                              # number
    | name                                                # variable
    | '(' expr ')'                                        # parens
    | '[' (row (';' row)*)? ']'                           # matrix
    ;

row        : expr (',' expr)* ;
index      : ':' | indexExpr (':' indexExpr)? ;
indexExpr  : indexTerm (op+=('+' | '-') indexTerm)* ;
// a product such as 2*m, as a printed slice of a concatenation writes its bounds
indexTerm  : NUMBER ('*' name)* | name ('*' name)* ;

// keywords are still usable as names where a name is expected in declarations
name       : ID | D | DNAME | END | HESSIAN ;

// The tokens are read at run time by chainrule.parse.Tokenizer, by hand, for a fast first run;
// these rules define them, and TokenizerTest holds the two equal.
COLON      : ':' ;
COMMA      : ',' ;
EQUALS     : '=' ;
PLUS       : '+' ;
MINUS      : '-' ;
STAR       : '*' ;
QUOTE      : '\'' ;
CARET      : '^' ;
DOT_CARET  : '.^' ;
DOT_STAR   : '.*' ;
SLASH      : '/' ;
DOT_SLASH  : './' ;
SEMI       : ';' ;
FUN        : 'fun' ;
DERIVE     : 'derive' ;
WRT        : 'wrt' ;
CLAIM      : 'claim' ;
END        : 'end' ;
// `derive hessian L wrt w`; elsewhere a name like any other (`hessian(L, w)` is a call)
HESSIAN    : 'hessian' ;
D          : 'd' ;
// `dL`, `dW1`: a derivative's short form, only meaningful next to a '/'
DNAME      : 'd' NAME_START NAME_PART* ;

TRANSPOSE_T : '^T' { !Character.isLetterOrDigit(_input.LA(1)) && _input.LA(1) != '_' }? ;
SUPER_T    : '\u1D40' ;                 // ᵀ
PRIME      : '\u2032' ;                 // ′ (the ASCII ' is the transpose token, read as a prime after a function name)
DOT        : '\u00B7' | '\u22C5' ;       // · ⋅
ODOT       : '\u2299' ;                 // ⊙
CIRC       : '\u2218' ;                 // ∘
TIMES      : '\u00D7' ;                 // ×
PARTIAL    : '\u2202' ;                 // ∂

LPAREN     : '(' { open(); } ;
RPAREN     : ')' { close(); } ;
LBRACK     : '[' { open(); } ;
RBRACK     : ']' { close(); } ;

NUMBER     : [0-9]+ ('.' [0-9]*)? ([eE] [+-]? [0-9]+)?
           | '.' [0-9]+ ([eE] [+-]? [0-9]+)? ;
ID         : NAME_START NAME_PART* ;
// a letter or _, then also digits: of any script (see letter() above); the character matched is LA(-1)
fragment NAME_START : [a-zA-Z_] | ~[\u0000-\u007F] { letter(_input.LA(-1)) }? ;
fragment NAME_PART  : [a-zA-Z0-9_] | ~[\u0000-\u007F] { letterOrDigit(_input.LA(-1)) }? ;
NL         : ('\r'? '\n' | '\r') { newline(); } ;
COMMENT    : '#' ~[\r\n]* -> skip ;
WS         : [ \t\f\u00A0\uFEFF]+ -> skip ;
ERRCHAR    : . ;
