/*
 * The feature search language, modelled on webstatus.dev's search box:
 *
 *   available_on:python -available_on:java (status:planned OR priority:p0) "data masking"
 *
 * Precedence, tightest first: prefix '-', then AND (explicit or by adjacency), then OR.
 * Field names are plain words here and are checked by QueryCompiler, so an unknown field
 * gets an error that lists the known ones instead of a generic "mismatched input".
 */
grammar FeatureSearch;

// Keywords and values are case-insensitive; token text keeps the user's spelling for messages.
options { caseInsensitive = true; }

query   : orExpr? EOF ;

orExpr  : andExpr (OR andExpr)* ;

andExpr : unary (AND? unary)* ;

unary   : MINUS unary                 # negated
        | LPAREN orExpr RPAREN        # parenthesised
        | term                        # plain
        ;

term    : field=WORD COLON fieldValue                                         # fieldTerm
        | MISSING_IN_ONE_OF LPAREN literal (COMMA literal)* RPAREN           # missingInOneOf
        | literal                                                             # textTerm
        ;

// `status:python=in_progress` is the only two-part value; the compiler rejects '=' elsewhere.
fieldValue : first=literal (EQ second=literal)? ;

literal : WORD | STRING ;

AND               : 'and' ;
OR                : 'or' ;
MISSING_IN_ONE_OF : 'missing_in_one_of' ;

LPAREN : '(' ;
RPAREN : ')' ;
COMMA  : ',' ;
COLON  : ':' ;
EQ     : '=' ;
MINUS  : '-' ;

// Backslash escapes the next character, so a phrase can hold a '"'.
STRING : '"' ( ~["\\] | '\\' . )* '"' ;

// A quote that never closes. STRING wins whenever the closing quote exists (longest match);
// FeatureQuery reports this token before parsing so the message can say what is missing.
UNTERMINATED_STRING : '"' ( ~["\\] | '\\' . )* '\\'? ;

// Anything else up to whitespace or punctuation; a word may hold '-' (in-progress) but not start with it,
// so a leading '-' is always negation. Longer matches beat the keywords: 'order' and 'android' are words.
WORD : ~[ \t\r\n\f():,="\-] ~[ \t\r\n\f():,="]* ;

WS : [ \t\r\n\f]+ -> skip ;
