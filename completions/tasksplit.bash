# bash completion for tasksplit(1): subcommands, their options, and the values of format-like
# options. tests/unit/man_test.cpp checks that every option 'tasksplit SUB --help' prints is here.

_tasksplit() {
    local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD-1]}
    # "--to=csv": bash splits at '=', so the option is the word before it.
    if [[ $cur == = ]]; then
        cur=""
    fi
    if [[ $prev == = ]]; then
        prev=${COMP_WORDS[COMP_CWORD-2]}
    fi

    local cmd="" i
    for ((i = 1; i < COMP_CWORD; i++)); do
        case ${COMP_WORDS[i]} in
            parse | validate | diff | query | units | report)
                cmd=${COMP_WORDS[i]}
                break
                ;;
        esac
    done
    if [[ -z $cmd ]]; then
        mapfile -t COMPREPLY < <(compgen -W "parse validate diff query units report -h --help -V --version --lang" -- "$cur")
        return
    fi

    local values=""
    case $prev in
        # -f/--format and -t/--to are one option in every command.
        -f | --format | -t | --to)
            case $cmd in
                parse) values="json yaml jsonl csv tsv xlsx" ;;
                validate) values="human json github sarif" ;;
                diff) values="text json md xlsx" ;;
                query | units) values="table json jsonl csv tsv md" ;;
                report) values="html" ;;
            esac
            ;;
        --color) values="auto always never" ;;
        --headers | --lang) values="en zh" ;;
        --view) values="tasks units" ;;
        --role) values="lead support any" ;;
        --sort) [[ $cmd == query ]] && values="source unit" || values="appearance unit count" ;;
        --part) values="key_tasks livelihood plan appendix form" ;;
        --encoding) values="UTF-8 UTF-16LE UTF-16BE GB18030 GBK" ;;
        --from) values="text html docx pdf" ;;
        --select | --ignore)
            # Comma-separated codes: complete the last one.
            local codes="invalid-json schema model line-out-of-range duplicate-number number-restart
                number-gap number-style item-without-units item-without-lead empty-lead-marker
                dangling-separator duplicate-unit unit-typo unit-suffix renamed-unit empty-section
                section-without-leader livelihood-leader late-convention unbalanced-bracket
                mixed-width-brackets name-typo title-mismatch repeated-word extraction-artifact
                doubtful-encoding unusual-space text-after-clause text-after-units long-line-claimed clause-without-text unassigned-task subheading no-units label-by-form no-tasks"
            local done=""
            [[ $cur == *,* ]] && done=${cur%,*},
            mapfile -t COMPREPLY < <(compgen -P "$done" -W "$codes" -- "${cur##*,}")
            return
            ;;
        -o | --output | --grammar | --aliases | --files-from)
            compopt -o filenames 2>/dev/null
            mapfile -t COMPREPLY < <(compgen -f -- "$cur")
            return
            ;;
        -u | --unit | --leader | --text | --year | --width | -j | --jobs | --glob | --columns)
            # Free text: names, words and numbers are the user's.
            return
            ;;
    esac
    if [[ -n $values ]]; then
        mapfile -t COMPREPLY < <(compgen -W "$values" -- "$cur")
        return
    fi

    if [[ $cur == -* ]]; then
        local opts
        case $cmd in
            parse) opts="-h --help -j --jobs --files-from --stdin-jsonl -f --format -t --to -o --output --grammar --encoding --targets --bom --headers --columns --line-map --explain --dump-text --from --fail-empty --glob --keep-going --fail-fast -q --quiet --lang" ;;
            validate) opts="-h --help -f --format -t --to -o --output --color --strict --exit-zero --statistics --select --ignore --grammar --aliases --encoding --glob --keep-going --fail-fast -q --quiet --lang" ;;
            diff) opts="-h --help -f --format -t --to -o --output --aliases --color --force --grammar --encoding" ;;
            query) opts="-h --help -u --unit --role --fuzzy --view --leader --text --year --part --aliases -f --format -t --to -o --output --width --headers --lang -j --jobs -q --quiet --grammar --encoding --glob --keep-going --fail-fast --sort" ;;
            units) opts="-h --help --leader --text --year --part --aliases -f --format -t --to -o --output --width --headers --lang -j --jobs -q --quiet --grammar --encoding --glob --keep-going --fail-fast --sort" ;;
            report) opts="-h --help -o --output -f --format -t --to -u --unit --lang --aliases --force --grammar --encoding" ;;
        esac
        mapfile -t COMPREPLY < <(compgen -W "$opts" -- "$cur")
        return
    fi
    # Inputs: notices, tasksplit JSON, directories.
    compopt -o filenames 2>/dev/null
    mapfile -t COMPREPLY < <(compgen -f -- "$cur")
}

complete -F _tasksplit tasksplit
