#!/usr/bin/perl
# sql-params.pl DIR: the checks that sql-params.sh describes; every finding
# is printed as file:line: why, and any finding makes the exit status 1.
use strict;
use warnings;

my $root = shift @ARGV;
my @findings;

sub finding {
    my ($file, $line, $msg) = @_;
    push @findings, "$file:$line: $msg";
}

sub slurp {
    my ($path) = @_;
    open(my $fh, '<', $path) or die "sql-params: $path: $!\n";
    local $/;
    my $text = <$fh>;
    close($fh);
    return $text;
}

# --- reading C -------------------------------------------------------------

# Tokens: [kind, text, line]; kind is str (a literal's body, escapes as
# written), chr, id, num or p (punctuation).  Comments are dropped.
sub c_tokens {
    my ($text) = @_;
    my @t;
    my $line = 1;

    pos($text) = 0;
    while (pos($text) < length($text)) {
        if ($text =~ /\G(\\\n|\s+)/gc) {
            $line += ($1 =~ tr/\n//);
        } elsif ($text =~ m{\G//[^\n]*}gc) {
            # a comment
        } elsif ($text =~ m{\G/\*(.*?)\*/}gcs) {
            $line += ($1 =~ tr/\n//);
        } elsif ($text =~ /\G(?:u8|[uUL])?"((?:[^"\\\n]|\\.)*)"/gcs) {
            push @t, ['str', $1, $line];
            $line += ($1 =~ tr/\n//);
        } elsif ($text =~ /\G((?:u8|[uUL])?'(?:[^'\\\n]|\\.)*')/gc) {
            push @t, ['chr', $1, $line];
        } elsif ($text =~ /\G([A-Za-z_]\w*)/gc) {
            push @t, ['id', $1, $line];
        } elsif ($text =~ /\G(\.?\d(?:[eEpP][-+]|[\w.])*)/gc) {
            push @t, ['num', $1, $line];
        } elsif ($text =~ /\G(->|\+\+|--|<<=|>>=|<<|>>|\.\.\.|&&|\|\||
            [-+*\/%&|^!=<>]=|.)/gcsx) {
            push @t, ['p', $1, $line];
        }
    }
    return \@t;
}

sub is_p {
    my ($tok, $p) = @_;
    return defined($tok) && $tok->[0] eq 'p' && $tok->[1] eq $p;
}

sub is_id {
    my ($tok, $id) = @_;
    return defined($tok) && $tok->[0] eq 'id' &&
        (!defined($id) || $tok->[1] eq $id);
}

sub text_of {
    return join(' ', map { $_->[0] eq 'str' ? "\"$_->[1]\"" : $_->[1] } @_);
}

# The index of the token that closes the bracket at $i.
sub closing {
    my ($t, $i) = @_;
    my %pair = ('(' => ')', '[' => ']', '{' => '}');
    my ($open, $depth) = ($t->[$i][1], 0);

    for (my $j = $i; $j < @$t; $j++) {
        next unless $t->[$j][0] eq 'p';
        $depth++ if $t->[$j][1] eq $open;
        if ($t->[$j][1] eq $pair{$open}) {
            return $j if --$depth == 0;
        }
    }
    return $#$t;
}

# The comma-separated items between the brackets at $open and $close, each
# a list of tokens.
sub items {
    my ($t, $open, $close) = @_;
    my @items = ([]);
    my $depth = 0;

    for (my $j = $open + 1; $j < $close; $j++) {
        my $tok = $t->[$j];
        if ($tok->[0] eq 'p') {
            $depth++ if $tok->[1] =~ /^[([{]$/;
            $depth-- if $tok->[1] =~ /^[)\]}]$/;
            if ($depth == 0 && $tok->[1] eq ',') {
                push @items, [];
                next;
            }
        }
        push @{$items[-1]}, $tok;
    }
    pop @items if !@{$items[-1]};    # a trailing comma, or nothing
    return @items;
}

# One or more adjacent string literals, in parentheses or not.
sub all_literal {
    my @e = @_;

    while (@e >= 2 && is_p($e[0], '(') && is_p($e[-1], ')')) {
        @e = @e[1 .. $#e - 1];
    }
    return @e && !grep { $_->[0] ne 'str' } @e;
}

# A literal, or nothing: NULL or 0.
sub literal_or_null {
    my @v = @_;
    return all_literal(@v) || (@v == 1 && $v[0][1] =~ /^(NULL|0)$/);
}

my (%ctok, %htok);    # src/*.c and src/*.h: name => tokens
for my $path (sort(glob("$root/src/*.c"), glob("$root/src/*.h"))) {
    (my $name = $path) =~ s{^\Q$root\E/}{};
    my $tokens = c_tokens(slurp($path));
    if ($name =~ /\.c$/) {
        $ctok{$name} = $tokens;
    } else {
        $htok{$name} = $tokens;
    }
}

# The struct type NAME was declared with, from the nearest declaration
# before token $before: `struct T NAME`, `struct T *NAME`, any const.
sub struct_of {
    my ($t, $before, $name) = @_;

    for (my $j = $before - 1; $j >= 1; $j--) {
        next unless is_id($t->[$j], $name);
        my $k = $j - 1;
        $k-- while $k >= 0 &&
            (is_p($t->[$k], '*') || is_id($t->[$k], 'const'));
        return $t->[$k][1]
            if $k >= 1 && is_id($t->[$k]) && is_id($t->[$k - 1], 'struct');
    }
    return undef;
}

# The position of $member in the definition of struct $type, or undef.
sub member_index {
    my ($type, $member) = @_;

    for my $t (values(%htok), values(%ctok)) {
        for (my $i = 0; $i + 2 < @$t; $i++) {
            next unless is_id($t->[$i], 'struct') &&
                is_id($t->[$i + 1], $type) && is_p($t->[$i + 2], '{');
            my $close = closing($t, $i + 2);
            my ($n, $depth, $last) = (0, 0, undef);
            for (my $j = $i + 3; $j < $close; $j++) {
                my $tok = $t->[$j];
                if ($tok->[0] eq 'p' && $tok->[1] =~ /^[([{]$/) {
                    $depth++;
                } elsif ($tok->[0] eq 'p' && $tok->[1] =~ /^[)\]}]$/) {
                    $depth--;
                } elsif ($depth == 0 && $tok->[0] eq 'p' &&
                    ($tok->[1] eq ';' || $tok->[1] eq ',')) {
                    return $n if defined($last) && $last eq $member;
                    $n++;
                    $last = undef;
                } elsif ($tok->[0] eq 'id' && ($depth == 0 ||
                    ($depth == 1 && is_p($t->[$j - 1], '*') &&
                    is_p($t->[$j - 2], '(')))) {
                    # The declarator's name: the last identifier outside
                    # brackets, or NAME in `(*NAME)(...)`.
                    $last = $tok->[1];
                }
            }
        }
    }
    return undef;
}

# In the struct initializer between the braces at $open and $close, is
# the member ($index, $member) a literal, NULL or left out?
sub init_ok {
    my ($t, $open, $close, $index, $member) = @_;
    my @items = items($t, $open, $close);

    if (@items && is_p($items[0][0], '.')) {    # designated
        for my $it (@items) {
            return literal_or_null(@$it[3 .. $#$it])
                if is_p($it->[0], '.') && is_id($it->[1], $member) &&
                is_p($it->[2], '=');
        }
        return 1;
    }
    return $index > $#items || literal_or_null(@{$items[$index]});
}

# The entries of a table (an array initializer): each a `{ ... }`.
sub check_entries {
    my ($file, $t, $open, $close, $name, $index, $member) = @_;
    my $j = $open + 1;

    while ($j < $close) {
        if (is_p($t->[$j], ',')) {
            $j++;
        } elsif (is_p($t->[$j], '{')) {
            my $end = closing($t, $j);
            finding($file, $t->[$j][2], "$name: the $member of this " .
                "entry is not a string literal")
                unless init_ok($t, $j, $end, $index, $member);
            $j = $end + 1;
        } else {
            finding($file, $t->[$j][2], "$name: an entry that is not a " .
                "{ ... } of literals");
            $j++ while $j < $close && !is_p($t->[$j], ',');
        }
    }
}

# Every object of struct $type must be a const table whose $member is a
# literal; no compound literal of the type, no assignment to the member.
my %tables_checked;

sub check_tables {
    my ($type, $member, $index) = @_;
    return if $tables_checked{"$type.$member"}++;

    for my $file (sort(keys(%ctok), keys(%htok))) {
        my $t = $ctok{$file} // $htok{$file};
        for (my $i = 1; $i + 1 < @$t; $i++) {
            my $c = is_id($t->[$i + 1], 'const') ? $i + 2 : $i + 1;
            if (is_p($t->[$i], '(') && is_id($t->[$c], 'struct') &&
                is_id($t->[$c + 1], $type) && is_p($t->[$c + 2], ')') &&
                is_p($t->[$c + 3], '{')) {
                finding($file, $t->[$i][2], "a compound literal of " .
                    "struct $type, whose $member is passed as SQL");
                next;
            }
            if (is_id($t->[$i]) && !is_p($t->[$i - 1], '.') &&
                (is_p($t->[$i + 1], '->') || is_p($t->[$i + 1], '.')) &&
                is_id($t->[$i + 2], $member) && is_p($t->[$i + 3], '=')) {
                my $st = struct_of($t, $i, $t->[$i][1]);
                finding($file, $t->[$i][2], "assigns " .
                    "$t->[$i][1]$t->[$i + 1][1]$member, which is passed " .
                    "as SQL: keep it in a const table of literals")
                    if defined($st) && $st eq $type;
                next;
            }
            next unless is_id($t->[$i], 'struct') &&
                is_id($t->[$i + 1], $type);

            # `struct T [const] NAME`: not a pointer, a cast, a function
            # or the type's definition.
            my $j = $i + 2;
            $j++ if is_id($t->[$j], 'const');
            next unless is_id($t->[$j]) && !is_p($t->[$j + 1], '(') &&
                !is_p($t->[$j + 1], '{');
            my $name = $t->[$j][1];
            my ($const, $extern) = (is_id($t->[$i + 2], 'const'), 0);
            for (my $k = $i - 1; $k >= 0 && is_id($t->[$k]) &&
                $t->[$k][1] =~ /^(static|const|extern|volatile)$/; $k--) {
                $const = 1 if $t->[$k][1] eq 'const';
                $extern = 1 if $t->[$k][1] eq 'extern';
            }
            if (!$const) {
                finding($file, $t->[$j][2], "$name: an object of struct " .
                    "$type, whose $member is passed as SQL, must be a " .
                    "const table");
                next;
            }

            my $k = $j + 1;
            $k = closing($t, $k) + 1 while is_p($t->[$k], '[');
            next if $extern || is_p($t->[$k], ';') || is_p($t->[$k], ',');
            if (!is_p($t->[$k], '=') || !is_p($t->[$k + 1], '{')) {
                finding($file, $t->[$j][2], "$name: a struct $type not " .
                    "initialized from literals");
                next;
            }
            my ($open, $close) = ($k + 1, closing($t, $k + 1));
            if (is_p($t->[$j + 1], '[')) {
                check_entries($file, $t, $open, $close, $name, $index,
                    $member);
            } elsif (!init_ok($t, $open, $close, $index, $member)) {
                finding($file, $t->[$open][2], "$name: its $member is " .
                    "not a string literal");
            }
        }
    }
}

# Is NAME declared `static const char *const NAME[...] = { literals }`?
sub literal_array {
    my ($t, $name) = @_;
    my @decl = qw(static const char * const);

    TOKEN: for (my $i = 0; $i + 7 < @$t; $i++) {
        for my $n (0 .. $#decl) {
            next TOKEN unless $t->[$i + $n][1] eq $decl[$n];
        }
        next unless is_id($t->[$i + 5], $name) && is_p($t->[$i + 6], '[');
        my $k = closing($t, $i + 6) + 1;
        return 0 unless is_p($t->[$k], '=') && is_p($t->[$k + 1], '{');
        return !grep { !all_literal(@$_) }
            items($t, $k + 1, closing($t, $k + 1));
    }
    return 0;
}

# --- 1. what db_push* is given ---------------------------------------------

my %push = map { $_ => 1 } qw(db_push db_push0 db_push_params db_push_json);
my $runs_sql = qr/^(kore_pgsql_query\w*|kore_pgsql_v_query\w*|PQexec\w*|
    PQprepare|PQsendQuery\w*|PQsendPrepare)$/x;

for my $file (sort keys %ctok) {
    my $t = $ctok{$file};
    for (my $i = 0; $i + 1 < @$t; $i++) {
        my $tok = $t->[$i];
        next unless $tok->[0] eq 'id' && is_p($t->[$i + 1], '(');
        my $fn = $tok->[1];

        if ($fn =~ $runs_sql && $file ne 'src/db.c') {
            finding($file, $tok->[2], "$fn() outside src/db.c: " .
                "statements run only through db_push()");
            next;
        }
        next unless $push{$fn};

        # Not a call: `int db_push_params(` (a prototype), `#define
        # db_push(`, `db_push_params(...) {` (the definition).
        my $prev = $i > 0 ? $t->[$i - 1] : undef;
        next if is_id($prev) && $prev->[1] !~ /^(return|else|do|case)$/;
        my $close = closing($t, $i + 1);
        next if is_p($t->[$close + 1], '{');

        my @args = items($t, $i + 1, $close);
        if (@args < 2) {
            finding($file, $tok->[2], "$fn() without an SQL argument");
            next;
        }
        my @sql = @{$args[1]};
        next if all_literal(@sql);

        # NAME[i]: an array of literals.
        if (@sql >= 4 && is_id($sql[0]) && is_p($sql[1], '[') &&
            is_p($sql[-1], ']') && closing(\@sql, 1) == $#sql) {
            next if literal_array($t, $sql[0][1]);
            finding($file, $tok->[2], "$fn(): $sql[0][1] is not a static " .
                "const char *const array of string literals");
            next;
        }

        # NAME->member, NAME.member, NAME[i].member: a table's member.
        my $k = is_id($sql[0]) ? 1 : 0;
        $k = closing(\@sql, 1) + 1 if $k && is_p($sql[1], '[');
        if ($k && $k + 2 == @sql && (is_p($sql[$k], '->') ||
            is_p($sql[$k], '.')) && is_id($sql[$k + 1])) {
            my $member = $sql[$k + 1][1];
            my $type = struct_of($t, $i, $sql[0][1]);
            my $index = defined($type) ? member_index($type, $member) :
                undef;
            if (defined($index)) {
                check_tables($type, $member, $index);
            } else {
                finding($file, $tok->[2], "$fn(): cannot tell what " .
                    text_of(@sql) . " is; pass a literal or a member " .
                    "of a const table");
            }
            next;
        }

        finding($file, $tok->[2], "$fn(): the SQL is " . text_of(@sql) .
            ", not a string literal or a const table of them");
    }
}

# --- 2. SQL text into a buffer ----------------------------------------------

my $builders = qr/^(v?s?n?printf|v?asprintf|dprintf|sbuf_v?printf|
    sbuf_str|sbuf_add|html_printf|kore_buf_append\w*|
    kore_buf_replace_string|str[ln]?cat|str[ln]?cpy|stpn?cpy|
    mem(cpy|move))$/x;
my $sql_word = qr/(?<![<\/\w])(?:select|insert|update|delete|
    SELECT|INSERT|UPDATE|DELETE)(?!\w)/x;
my $sql_sign = qr/\b(?:from|into|set|where|values|returning|join)\b|
    \$[0-9]|::|\bapi\.|\bselect\s+\*/xi;

for my $file (sort keys %ctok) {
    my $t = $ctok{$file};
    for (my $i = 0; $i + 1 < @$t; $i++) {
        next unless is_id($t->[$i]) && $t->[$i][1] =~ $builders &&
            is_p($t->[$i + 1], '(');
        for my $arg (items($t, $i + 1, closing($t, $i + 1))) {
            my $s = join('', map { $_->[1] } grep { $_->[0] eq 'str' }
                @$arg);
            next unless $s =~ $sql_word && $s =~ $sql_sign;
            finding($file, $t->[$i][2], "SQL text passed to " .
                "$t->[$i][1](): statements are literals with \$n " .
                "parameters, never built in a buffer");
            last;
        }
    }
}

# --- 3. EXECUTE in sql/: the migrations and the api functions ---------------

# Tokens: [kind, text, line]; kind is str (a literal's value), id or p.
# Comments are dropped; dollar quotes are tokens of their own, so that
# function bodies are read as code.
sub sql_tokens {
    my ($text) = @_;
    my @t;
    my $line = 1;

    pos($text) = 0;
    while (pos($text) < length($text)) {
        if ($text =~ /\G(\s+)/gc) {
            $line += ($1 =~ tr/\n//);
        } elsif ($text =~ /\G--[^\n]*/gc) {
            # a comment
        } elsif ($text =~ m{\G/\*(.*?)\*/}gcs) {
            $line += ($1 =~ tr/\n//);
        } elsif ($text =~ /\G[eE]'((?:[^'\\]|\\.|'')*)'/gcs) {
            push @t, ['str', $1, $line];
            $line += ($1 =~ tr/\n//);
        } elsif ($text =~ /\G'((?:[^']|'')*)'/gcs) {
            my $raw = $1;
            (my $value = $raw) =~ s/''/'/g;
            push @t, ['str', $value, $line];
            $line += ($raw =~ tr/\n//);
        } elsif ($text =~ /\G(\$(?:[A-Za-z_]\w*)?\$)/gc) {
            push @t, ['dollar', $1, $line];
        } elsif ($text =~ /\G("(?:[^"]|"")*"|[A-Za-z_][\w\$]*|\$\d+|
            \d[\w.]*)/gcx) {
            push @t, ['id', $1, $line];
        } elsif ($text =~ /\G(\|\||::|:=|.)/gcs) {
            push @t, ['p', $1, $line];
        }
    }
    return \@t;
}

# EXECUTE format(...): the format string is literals joined by ||, and
# nothing follows the closing parenthesis.  Its text, or undef.
sub format_string {
    my @cmd = @_;
    my $fmt = '';

    return undef unless @cmd >= 4 && lc($cmd[0][1]) eq 'format' &&
        is_p($cmd[1], '(') && closing(\@cmd, 1) == $#cmd;
    for (my $j = 2; $j < $#cmd && !is_p($cmd[$j], ','); $j++) {
        if ($cmd[$j][0] eq 'str') {
            $fmt .= $cmd[$j][1];
        } elsif (!is_p($cmd[$j], '||')) {
            return undef;
        }
    }
    return $fmt eq '' ? undef : $fmt;
}

for my $path (sort(glob("$root/sql/0*.sql"), glob("$root/sql/api/*.sql"))) {
    (my $file = $path) =~ s{^\Q$root\E/}{};
    my $t = sql_tokens(slurp($path));

    for (my $i = 0; $i < @$t; $i++) {
        next unless $t->[$i][0] eq 'id' && lc($t->[$i][1]) eq 'execute';
        next if is_id($t->[$i + 1]) &&
            lc($t->[$i + 1][1]) =~ /^(function|procedure)$/;
        my $line = $t->[$i][2];

        # The command string: up to INTO, USING or the end.
        my @cmd;
        my $depth = 0;
        for (my $j = $i + 1; $j < @$t; $j++) {
            my $tok = $t->[$j];
            $depth++ if is_p($tok, '(');
            $depth-- if is_p($tok, ')');
            last if $depth == 0 && (is_p($tok, ';') ||
                (is_id($tok) && lc($tok->[1]) =~ /^(into|using)$/));
            push @cmd, $tok;
        }
        next if @cmd == 1 && $cmd[0][0] eq 'str';

        if (!is_id($cmd[0]) || lc($cmd[0][1]) ne 'format') {
            finding($file, $line, "EXECUTE of " . text_of(@cmd) . ": run " .
                "a literal, or format() with %I only, and pass values " .
                "with USING");
            next;
        }
        my $fmt = format_string(@cmd);
        if (!defined($fmt)) {
            finding($file, $line, "EXECUTE of " . text_of(@cmd) . ": " .
                "format() takes a literal format string and is all " .
                "there is");
            next;
        }
        my @bad = grep { !/^%(?:\d+\$)?I$|^%%$/ }
            ($fmt =~ /(%(?:\d+\$)?-?(?:\d+|\*\d*\$?)?[A-Za-z%]?)/g);
        finding($file, $line, "EXECUTE format() with " . join(' ', @bad) .
            ": only %I for identifiers; pass values with USING \$n")
            if @bad;
    }
}

if (@findings) {
    print STDERR "sql-params: $_\n" for @findings;
    printf STDERR "sql-params: %d finding(s): SQL must not be assembled " .
        "from input\n", scalar(@findings);
    exit 1;
}
print "sql-params: ok (db_push* calls, SQL in buffers, EXECUTE in sql/)\n";
exit 0;
