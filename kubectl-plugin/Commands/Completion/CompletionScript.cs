using System.Text;
using VmLifecycle.KubectlPlugin.Cli;

namespace VmLifecycle.KubectlPlugin.Commands.Completion;

/// <summary>Writes a bash completion function for the commands, their flags and pause/unpause's resource types; zsh loads it through bashcompinit.</summary>
internal static class CompletionScript
{
    public static string Bash(string executable)
    {
        var function = "__" + executable.Replace('-', '_') + "_complete";
        var script = new StringBuilder();
        script.Append("# bash completion for ").Append(executable).Append('\n');
        script.Append(function).Append("()\n{\n");
        script.Append("    local cur=\"${COMP_WORDS[COMP_CWORD]}\" command=\"\" word\n");
        script.Append("    for word in \"${COMP_WORDS[@]:1:COMP_CWORD-1}\"; do\n");
        script.Append("        case \"$word\" in -*) ;; *) command=\"$word\"; break ;; esac\n    done\n");
        script.Append("    local global=\"").Append(string.Join(' ', Flags.Global.Select(f => "--" + f.Name))).Append("\"\n");
        script.Append("    case \"$command\" in\n");
        script.Append("        \"\") COMPREPLY=( $(compgen -W \"").Append(string.Join(' ', CommandCatalog.All.Select(c => c.Name)))
            .Append(" help $global\" -- \"$cur\") ); return ;;\n");
        foreach (var command in CommandCatalog.All)
        {
            script.Append("        ").Append(command.Name).Append(") local own=\"")
                .Append(string.Join(' ', command.OwnFlags.Select(f => "--" + f.Name))).Append("\" ;;\n");
        }

        script.Append("        *) local own=\"\" ;;\n    esac\n");
        script.Append("    if [[ \"$cur\" == -* ]]; then COMPREPLY=( $(compgen -W \"$own $global\" -- \"$cur\") ); return; fi\n");
        script.Append("    case \"$command\" in\n");
        script.Append("        pause|unpause) COMPREPLY=( $(compgen -W \"vm vmi\" -- \"$cur\") ) ;;\n");
        script.Append("        completion) COMPREPLY=( $(compgen -W \"bash zsh\" -- \"$cur\") ) ;;\n");
        script.Append("    esac\n}\n");
        script.Append("complete -o default -F ").Append(function).Append(' ').Append(executable).Append('\n');
        return script.ToString();
    }

    public static string Zsh(string executable) =>
        "#compdef " + executable + "\n" + "autoload -U +X bashcompinit && bashcompinit\n" + Bash(executable);
}
