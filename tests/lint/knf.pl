#!/usr/bin/perl
# knf.pl TOP [EXCEPTIONS]: the KNF checks of tests/lint/knf.sh (see there).
#
# Prints "knf: FILE:LINE: RULE: why" for every finding that EXCEPTIONS
# does not list, and "knf: EXCEPTIONS:LINE: stale: ..." for every listed
# exception that no longer matches; exits 1 if it printed anything.
use strict;
use warnings;

my ($top, $exfile) = @ARGV;
die "usage: knf.pl TOP [EXCEPTIONS]\n" unless defined $top && -d $top;

# The C files of the project: the module, the tool, the tests.
my @files;
for my $pat ('src/*.[ch]', 'src/cli/*.[ch]', 'tests/unit/*.[ch]',
    'tests/fuzz/*.[ch]') {
	push @files, map { substr($_, length($top) + 1) } glob("$top/$pat");
}

my @findings;	# [file, line, rule, why, text]

sub finding {
	my ($file, $n, $rule, $why, $text) = @_;
	push @findings, [$file, $n, $rule, $why, $text];
}

# The code of each line with comments and the insides of string and
# character literals blanked, so that the rules below see only code.
# A C99 // comment is reported, then blanked like the others.
sub code_view {
	my ($file, $lines) = @_;
	my @code;
	my $state = 'code';	# code, block
	for my $i (0 .. $#$lines) {
		my @c = split //, $lines->[$i];
		my $out = '';
		my $j = 0;
		while ($j < @c) {
			my $ch = $c[$j];
			my $next = $j + 1 < @c ? $c[$j + 1] : '';
			if ($state eq 'block') {
				if ($ch eq '*' && $next eq '/') {
					$out .= '  ';
					$j += 2;
					$state = 'code';
				} else {
					$out .= $ch eq "\t" ? "\t" : ' ';
					$j++;
				}
			} elsif ($ch eq '/' && $next eq '*') {
				$out .= '  ';
				$j += 2;
				$state = 'block';
			} elsif ($ch eq '/' && $next eq '/') {
				finding($file, $i + 1, 'comment',
				    'a // comment: KNF writes /* */',
				    $lines->[$i]);
				$out .= ' ' x (@c - $j);
				$j = @c;
			} elsif ($ch eq '"' || $ch eq "'") {
				# A literal: keep the quotes, blank the inside.
				$out .= $ch;
				$j++;
				while ($j < @c && $c[$j] ne $ch) {
					$out .= ' ';
					if ($c[$j] eq '\\' && $j + 1 < @c) {
						$out .= ' ';
						$j++;
					}
					$j++;
				}
				if ($j < @c) {
					$out .= $ch;
					$j++;
				}
			} else {
				$out .= $ch;
				$j++;
			}
		}
		push @code, $out;
	}
	return @code;
}

# The width of a line with tabs every 8 columns.
sub width {
	my ($s) = @_;
	my $w = 0;
	for my $ch (split //, $s) {
		$w = $ch eq "\t" ? ($w + 8) & ~7 : $w + 1;
	}
	return $w;
}

# Function definitions: at file level, a declaration that ends in "{"
# rather than ";", holds no "=" outside parentheses and has a
# parenthesised parameter list.  Its name must start its line (the
# return type on the line before) and its "{" must be a line of its own.
sub definitions {
	my ($file, $lines, $code) = @_;
	# The head is the text since the last ";", "{" or "}" at file level;
	# it starts on line $start.
	my ($depth, $head, $start, $in_pp) = (0, '', 0, 0);

	for my $i (0 .. $#$code) {
		my $line = $code->[$i];
		# Preprocessor lines, with their continuations, are not C.
		if ($in_pp || $line =~ /^\s*#/) {
			$in_pp = $line =~ /\\\s*$/;
			$head .= "\n" if $depth == 0;
			next;
		}
		for my $ch (split //, $line) {
			if ($ch eq '{') {
				check_head($file, $lines, $head, $start, $i)
				    if $depth == 0;
				$depth++;
				($head, $start) = ('', $i);
			} elsif ($ch eq '}') {
				$depth-- if $depth > 0;
				($head, $start) = ('', $i);
			} elsif ($depth == 0) {
				if ($ch eq ';') {
					($head, $start) = ('', $i);
				} else {
					$head .= $ch;
				}
			}
		}
		$head .= "\n" if $depth == 0;
	}
}

sub check_head {
	my ($file, $lines, $head, $start, $brace_line) = @_;
	my ($pdepth, $name_end) = (0, -1);
	my $flat = $head;

	return if $head !~ /\S/ || $head !~ /\)\s*$/;
	# "=" or the first "(" outside parentheses.
	for my $k (0 .. length($flat) - 1) {
		my $ch = substr($flat, $k, 1);
		if ($ch eq '(') {
			$name_end = $k if $pdepth == 0 && $name_end < 0;
			$pdepth++;
		} elsif ($ch eq ')') {
			$pdepth--;
		} elsif ($ch eq '=' && $pdepth == 0) {
			return;
		}
	}
	return if $name_end < 0;
	my $before = substr($flat, 0, $name_end);
	return unless $before =~ /([A-Za-z_]\w*)\s*$/;
	my $name = $1;
	return if $name =~ /^(?:struct|union|enum|if|while|for|switch)$/;

	# The line that holds the name: count the newlines before it.
	my $nl = () = $before =~ /\n/g;
	my $name_line = $start + $nl;
	if ($lines->[$name_line] !~ /^\Q$name\E\s*\(/) {
		finding($file, $name_line + 1, 'return-type',
		    "$name(): the return type goes on a line of its own",
		    $lines->[$name_line]);
	}
	if ($lines->[$brace_line] !~ /^\{\s*$/) {
		finding($file, $brace_line + 1, 'brace',
		    "$name(): the opening brace goes alone at the start " .
		    'of a line', $lines->[$brace_line]);
	}
}

for my $file (@files) {
	open(my $fh, '<', "$top/$file") or die "knf: $file: $!\n";
	my @lines = map { s/\r?\n\z//r } <$fh>;
	close($fh);

	for my $i (0 .. $#lines) {
		my $l = $lines[$i];
		my $n = $i + 1;
		my $w = width($l);
		finding($file, $n, 'long', "$w columns (tabs count as 8), " .
		    'more than 80', $l) if $w > 80;
		finding($file, $n, 'trailing', 'whitespace at the end of ' .
		    'the line', $l) if $l =~ /[ \t]$/;
		my ($lead) = $l =~ /^([ \t]*)/;
		if ($l =~ /\S/ && ($lead =~ / \t/ || $lead =~ / {8}/)) {
			finding($file, $n, 'indent', 'indented with spaces: ' .
			    'tabs, then at most four spaces for a ' .
			    'continuation', $l);
		}
	}

	my @code = code_view($file, \@lines);
	for my $i (0 .. $#code) {
		my $c = $code[$i];
		if ($c =~ /\b(if|for|while|switch|return)\(/) {
			finding($file, $i + 1, 'keyword', "a space after " .
			    "\"$1\"", $lines[$i]);
		} elsif ($c =~ /\breturn\s+[^\s(;]/) {
			finding($file, $i + 1, 'keyword', 'return (value): ' .
			    'the value in parentheses', $lines[$i]);
		}
	}
	definitions($file, \@lines, \@code);
}

# Exceptions: "FILE RULE TEXT", TEXT the offending line without its
# leading and trailing blanks.  Each matches one finding; one that
# matches none is stale and must go.
my @exceptions;
if (defined $exfile) {
	open(my $fh, '<', $exfile) or die "knf: $exfile: $!\n";
	my $n = 0;
	while (my $l = <$fh>) {
		$n++;
		chomp $l;
		next if $l =~ /^\s*(#|$)/;
		my ($f, $rule, $text) = $l =~ /^(\S+)\s+(\S+)\s+(.*?)\s*$/
		    or die "knf: $exfile:$n: want FILE RULE TEXT\n";
		push @exceptions, { file => $f, rule => $rule, text => $text,
		    line => $n, used => 0 };
	}
	close($fh);
}

my $bad = 0;
FINDING: for my $f (sort { $a->[0] cmp $b->[0] || $a->[1] <=> $b->[1] }
    @findings) {
	my ($file, $n, $rule, $why, $text) = @$f;
	(my $trimmed = $text) =~ s/^\s+|\s+$//g;
	for my $e (@exceptions) {
		next if $e->{used} || $e->{file} ne $file ||
		    $e->{rule} ne $rule || $e->{text} ne $trimmed;
		$e->{used} = 1;
		next FINDING;
	}
	print "knf: $file:$n: $rule: $why\n";
	$bad++;
}
for my $e (@exceptions) {
	next if $e->{used};
	print "knf: $exfile:$e->{line}: stale: $e->{file} has no " .
	    "$e->{rule} finding on that line any more; remove the " .
	    "exception\n";
	$bad++;
}
exit($bad ? 1 : 0);
