/*
 * Grammar of cqlp's own shell commands: COPY, CAPTURE, USE, CONSISTENCY, SERIAL CONSISTENCY,
 * PAGING, EXPAND, TRACING, SOURCE, HELP (or ?), EXIT and QUIT.
 *
 * Plain CQL (SELECT, INSERT, CREATE, ...) is never parsed here: io.cqlp.command.CommandParser
 * looks at the first word and passes other statements to Cassandra as typed.
 *
 * The forms follow cqlsh's own grammar (pylib/cqlshlib/cqlshhandling.py) plus the seed
 * documents' additions: COPY (SELECT ...) TO, WHERE after COPY TO, and the CAPTURE forms with
 * FORMAT= or a format keyword. Keywords are case-insensitive. As in CQL, the words that CQL
 * reserves (TO, FROM, WITH, AND, WHERE, USE, ON, SELECT) cannot be unquoted table or column
 * names; the other keywords can.
 */
grammar CqlpShell;

options { caseInsensitive = true; }

// ---------------------------------------------------------------- parser

command
    : shellCommand SEMI? EOF
    ;

shellCommand
    : describeFileCommand
    | showFileCommand
    | uploadsCommand
    | verifyCommand
    | copyCommand
    | captureCommand
    | useCommand
    | consistencyCommand
    | serialConsistencyCommand
    | pagingCommand
    | expandCommand
    | tracingCommand
    | sourceCommand
    | helpCommand
    | exitCommand
    ;

// COPY [ks.]table [(col, ...)] TO 'file' | STDOUT [WITH ...] [WHERE ...]
// COPY (SELECT ...) TO 'file' | STDOUT [WITH ...]
// COPY [ks.]table [(col, ...)] FROM 'file' | STDIN [WITH ...]
// COPY 'file' TO 'file' | STDOUT [WITH ...] [WHERE ...]: a file converted, no table involved
// The subject and the direction are separate rules so that every decision needs one token
// of lookahead, which keeps the "Expecting: ..." lists of syntax errors exact; the facade
// rejects the combinations the rules let through (a query with FROM or WHERE).
copyCommand
    : COPY copySubject copyDirection
    ;

copySubject
    : tableRef columnList?
    | LPAREN selectQuery RPAREN
    | path
    ;

copyDirection
    : TO (path | STDOUT) withOptions? whereClause?   # copyTo
    | FROM (path | STDIN) withOptions?               # copyFrom
    ;

tableRef
    : identifier (DOT identifier)?
    ;

columnList
    : LPAREN identifier (COMMA identifier)* RPAREN
    ;

// Taken raw from the input text; parentheses must balance.
selectQuery
    : SELECT queryPart*
    ;

queryPart
    : LPAREN queryPart* RPAREN
    | ~(LPAREN | RPAREN | SEMI)
    ;

// Taken raw from the input text up to the end of the statement.
whereClause
    : WHERE whereText
    ;

whereText
    : (~SEMI)+
    ;

// CAPTURE | CAPTURE OFF | CAPTURE 'file' [FORMAT='X'] [WITH ...]
// CAPTURE PARQUET|JSON|CSV|TEXT 'path' [WITH ...]
captureCommand
    : CAPTURE ( OFF
              | captureFormat path withOptions?
              | path (FORMAT EQ optionValue)? withOptions?
              )?
    ;

captureFormat
    : PARQUET | JSON | CSV | TEXT
    ;

// DESCRIBE FILE 'x.parquet' | DESC FILE 'dir/': a Parquet file's footer or a dataset's files.
describeFileCommand
    : (DESCRIBE | DESC) FILE path
    ;

// SHOW FILE 'x.parquet' [LIMIT n]: the first rows of a Parquet file or dataset.
showFileCommand
    : SHOW FILE path (LIMIT NUMBER)?
    ;

// SHOW UPLOADS 's3://bucket/prefix' | ABORT UPLOADS 's3://bucket/prefix' [WITH ...]: the
// multipart uploads that a killed export left pending below a prefix, listed or aborted.
uploadsCommand
    : (SHOW | ABORT) UPLOADS path withOptions?
    ;

// VERIFY [ks.]table [(col, ...)] AGAINST 'path' [WITH ...]: compares a table with a file or
// dataset row by row by primary key.
verifyCommand
    : VERIFY tableRef columnList? AGAINST path withOptions?
    ;

useCommand
    : USE identifier
    ;

consistencyCommand
    : CONSISTENCY word?
    ;

serialConsistencyCommand
    : SERIAL CONSISTENCY word?
    ;

pagingCommand
    : PAGING (ON | OFF | NUMBER)?
    ;

expandCommand
    : EXPAND switchValue?
    ;

tracingCommand
    : TRACING switchValue?
    ;

switchValue
    : ON | OFF
    ;

sourceCommand
    : SOURCE path
    ;

helpCommand
    : (HELP | QUESTION) anyWord*
    ;

exitCommand
    : EXIT | QUIT
    ;

withOptions
    : WITH option (AND option)*
    ;

option
    : anyWord EQ optionValue
    ;

optionValue
    : STRING
    | DOLLAR_STRING
    | QUOTED_IDENTIFIER
    | NUMBER
    | NUMBER_WITH_UNIT
    | anyWord
    ;

path
    : STRING
    | DOLLAR_STRING
    ;

identifier
    : IDENTIFIER
    | QUOTED_IDENTIFIER
    | nonReserved
    ;

word
    : IDENTIFIER
    | nonReserved
    ;

anyWord
    : IDENTIFIER
    | nonReserved
    | reserved
    ;

// Keywords that CQL reserves: never an unquoted name.
reserved
    : TO | FROM | WITH | AND | WHERE | USE | ON | SELECT
    ;

nonReserved
    : COPY | STDOUT | STDIN | CAPTURE | OFF | FORMAT | PARQUET | JSON | CSV | TEXT
    | CONSISTENCY | SERIAL | PAGING | EXPAND | TRACING | SOURCE | HELP | EXIT | QUIT
    | DESCRIBE | DESC | SHOW | FILE | LIMIT | UPLOADS | ABORT | VERIFY | AGAINST
    ;

// ---------------------------------------------------------------- lexer
// Token types follow this order; syntax errors list expected tokens in it. Where an identifier
// is expected, errors say <identifier> instead of listing the keywords from COPY to AGAINST
// (io.cqlp.command.SyntaxErrorStrategy): a new keyword goes at the end of that run.

LPAREN   : '(' ;
RPAREN   : ')' ;
COMMA    : ',' ;
DOT      : '.' ;
EQ       : '=' ;
SEMI     : ';' ;
QUESTION : '?' ;

COPY        : 'COPY' ;
TO          : 'TO' ;
FROM        : 'FROM' ;
STDOUT      : 'STDOUT' ;
STDIN       : 'STDIN' ;
WITH        : 'WITH' ;
AND         : 'AND' ;
WHERE       : 'WHERE' ;
SELECT      : 'SELECT' ;
CAPTURE     : 'CAPTURE' ;
OFF         : 'OFF' ;
ON          : 'ON' ;
FORMAT      : 'FORMAT' ;
PARQUET     : 'PARQUET' ;
JSON        : 'JSON' ;
CSV         : 'CSV' ;
TEXT        : 'TEXT' ;
USE         : 'USE' ;
CONSISTENCY : 'CONSISTENCY' ;
SERIAL      : 'SERIAL' ;
PAGING      : 'PAGING' ;
EXPAND      : 'EXPAND' ;
TRACING     : 'TRACING' ;
SOURCE      : 'SOURCE' ;
HELP        : 'HELP' ;
EXIT        : 'EXIT' ;
DESCRIBE    : 'DESCRIBE' ;
DESC        : 'DESC' ;
SHOW        : 'SHOW' ;
FILE        : 'FILE' ;
LIMIT       : 'LIMIT' ;
QUIT        : 'QUIT' ;
UPLOADS     : 'UPLOADS' ;
ABORT       : 'ABORT' ;
VERIFY      : 'VERIFY' ;
AGAINST     : 'AGAINST' ;

// 'it''s': a quote inside is doubled, as in CQL.
STRING : '\'' ( ~'\'' | '\'\'' )* '\'' ;

// $$ ... $$: CQL's other string literal, nothing escaped inside.
DOLLAR_STRING : '$$' .*? '$$' ;

// "Name": case kept, a double quote inside is doubled.
QUOTED_IDENTIFIER : '"' ( ~'"' | '""' )* '"' ;

NUMBER : '-'? DIGIT+ ('.' DIGIT+)? ('E' [+-]? DIGIT+)? ;

// 50K, 1M, 500MB: a bare number with a unit, read by io.cqlp.command.Options.
NUMBER_WITH_UNIT : DIGIT+ ('.' DIGIT+)? [A-Z]+ ;

IDENTIFIER : [A-Z] [A-Z0-9_]* ;

LINE_COMMENT  : ('--' | '//') ~[\r\n]* -> skip ;
BLOCK_COMMENT : '/*' .*? '*/' -> skip ;
WHITESPACE    : [ \t\r\n\f]+ -> skip ;

// Any other character; only the raw WHERE and SELECT texts may hold one. Quote characters
// are left out so that an unterminated quote is a lexer error, not a stray token.
OTHER : ~['"$] ;

fragment DIGIT : [0-9] ;
