#!/usr/bin/perl
# statements.pl DIR: the checks that statements.sh describes; every finding
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
    open(my $fh, '<', $path) or die "statements: $path: $!\n";
    local $/;
    my $text = <$fh>;
    close($fh);
    return $text;
}

# C without its comments, newlines kept so that lines still count.
sub c_code {
    my ($text) = @_;
    $text =~ s{/\*(.*?)\*/}{my $c = $1; "/*" . ("\n" x ($c =~ tr/\n//)) . "*/"}gse;
    $text =~ s{//[^\n]*}{}g;
    return $text;
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

sub line_of {
    my ($text, $pos) = @_;
    return 1 + (substr($text, 0, $pos) =~ tr/\n//);
}

# "Reads as SQL": DELETE FROM, INSERT INTO, UPDATE x SET, or SELECT (not an
# HTML <select>) with a second sign of SQL.
sub reads_as_sql {
    my ($s) = @_;
    return 1 if $s =~ /(?<![<\w])(DELETE\s+FROM|INSERT\s+INTO)\b/i;
    return 1 if $s =~ /(?<![<\w])UPDATE\s+[\w.]+\s+SET\b/i;
    return 0 unless $s =~ /(?<![<\w])SELECT\b/i;
    return $s =~ /\b(FROM|INTO|WHERE|VALUES|RETURNING|JOIN)\b|\$\d|::|\bapi\.|SELECT\s+[*\d]/i;
}

# The functions that send a statement, and the argument that is its text.
my %sends = (
    kore_pgsql_query => 1, kore_pgsql_query_params => 1,
    kore_pgsql_v_query_params => 1, kore_pgsql_query_param_fields => 1,
    PQexec => 1, PQexecParams => 1, PQsendQuery => 1,
    PQsendQueryParams => 1, PQprepare => 1, PQsendPrepare => 1,
);

my @c = sort(glob("$root/src/*.c"), glob("$root/src/*.h"),
    glob("$root/src/cli/*.c"));
foreach my $path (@c) {
    (my $file = $path) =~ s{^\Q$root\E/}{};
    my $code = c_code(slurp($path));

    # 1. SQL text is in the catalog and nowhere else.
    if ($file ne 'src/stmt.c') {
        while ($code =~ /"((?:[^"\\\n]|\\.)*)"/g) {
            finding($file, line_of($code, $-[0]),
                "SQL text outside the catalog (src/stmt.c): \"$1\"")
                if reads_as_sql($1);
        }
    }
    # 2. A statement is sent as the catalog's text: its SQL argument is
    #    stmt_sql(...).
    while ($code =~ /\b(\w+)\s*\(/g) {
        my ($fn, $at) = ($1, $-[0]);
        next unless $sends{$fn};
        my $rest = substr($code, pos($code));
        # The call's arguments, to the matching parenthesis.
        my ($depth, $i) = (1, 0);
        for (; $i < length($rest) && $depth > 0; $i++) {
            my $ch = substr($rest, $i, 1);
            $depth++ if $ch eq '(';
            $depth-- if $ch eq ')';
        }
        my $args = substr($rest, 0, $i - 1);
        finding($file, line_of($code, $at),
            "$fn() sends a statement that is not the catalog's " .
            "(stmt_sql(...))") unless $args =~ /\bstmt_sql\s*\(/;
    }
}

# 3. The catalog: each entry's text is literals (and the macros made of
#    them), and its only parameter is $1.
{
    my $path = "$root/src/stmt.c";
    my $code = c_code(slurp($path));
    while ($code =~ /"((?:[^"\\\n]|\\.)*)"/g) {
        my ($s, $line) = ($1, line_of($code, $-[0]));
        while ($s =~ /\$(\d+)/g) {
            finding('src/stmt.c', $line,
                "a statement takes \$1 only, not \$$1") if $1 ne '1';
        }
        finding('src/stmt.c', $line,
            "a statement is not built with a format: \"$s\"")
            if reads_as_sql($s) && $s =~ /%[-0-9.]*[sdilu]/;
    }
    finding('src/stmt.c', 1, 'the catalog uses no printf-like call')
        if $code =~ /\b(s?n?printf|strcat|strcpy|sbuf_\w+)\s*\(/;
}

# --- 4. EXECUTE in sql/: the migrations and the api functions ---------------

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
    print STDERR "statements: $_\n" foreach @findings;
    print STDERR "statements: " . scalar(@findings) .
        " finding(s): statements run only as the catalog's, and SQL is " .
        "never assembled from input\n";
    exit 1;
}
print "statements: ok (the catalog only, stmt_sql() sends, \$1, EXECUTE " .
    "in sql/)\n";
