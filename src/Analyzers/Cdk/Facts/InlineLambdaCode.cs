using System.Collections.Generic;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace CdkLint.Cdk
{
    /// <summary>
    /// Lambda code written in the stack: <c>Code.FromInline("…")</c> or <c>new InlineCode("…")</c>. CDK writes it to the
    /// template's <c>ZipFile</c>, which Lambda stores as <c>index.py</c> / <c>index.js</c>; Node.js loads that file as
    /// CommonJS. These helpers read the code the way Lambda will run it.
    /// </summary>
    internal static class InlineLambdaCode
    {
        /// <summary>The standard and SDK modules whose names inline handlers use most, in the order imports are written.</summary>
        public static readonly string[] PythonModules = { "datetime", "decimal", "json", "logging", "os", "time", "uuid", "boto3" };

        private static readonly Regex PythonImport = new(@"^[ \t]*import[ \t]+(?<names>[^#\r\n;]+)", RegexOptions.Multiline | RegexOptions.CultureInvariant);
        private static readonly Regex PythonFromImport = new(@"^[ \t]*from[ \t]+(?<module>[\w.]+)[ \t]+import[ \t]+\(?(?<names>[^#\r\n;)]+)", RegexOptions.Multiline | RegexOptions.CultureInvariant);
        private static readonly Regex Python2Except = new(@"^[ \t]*except[ \t]+[\w.]+[ \t]*,[ \t]*\w+[ \t]*:", RegexOptions.Multiline | RegexOptions.CultureInvariant);

        /// <summary>The inline code argument and its constant text; false for assets, buckets, images and non-constant code.</summary>
        public static bool TryGet(IOperation? value, CdkSymbols symbols, out IOperation argument, out string code)
        {
            code = string.Empty;
            argument = Argument(value, symbols)!;
            return argument is not null && Constant.TryGetString(argument, out code);
        }

        /// <summary>The argument of <c>Code.FromInline(…)</c> / <c>new InlineCode(…)</c>, constant or not; null for other code.</summary>
        public static IOperation? Argument(IOperation? value, CdkSymbols symbols) => ConstructCreation.Unwrap(value) switch
        {
            IInvocationOperation { TargetMethod.Name: "FromInline", Arguments.Length: 1 } call
                when SymbolEqualityComparer.Default.Equals(call.TargetMethod.ContainingType, symbols.Type("Amazon.CDK.AWS.Lambda.Code"))
                => call.Arguments[0].Value,
            IObjectCreationOperation { Arguments.Length: 1 } create
                when SymbolEqualityComparer.Default.Equals(create.Type, symbols.Type("Amazon.CDK.AWS.Lambda.InlineCode"))
                => create.Arguments[0].Value,
            _ => null,
        };

        /// <summary>Modules of <see cref="PythonModules"/> the code uses as <c>module.name</c> without importing or defining them.</summary>
        public static List<string> MissingPythonImports(string code)
        {
            var text = StripPythonStringsAndComments(code);
            var bound = new HashSet<string>();
            foreach (Match m in PythonImport.Matches(text))
            {
                foreach (var part in m.Groups["names"].Value.Split(','))
                {
                    // `import a.b` binds `a`; `import a as b` binds `b`.
                    var words = part.Trim().Split(new[] { ' ', '\t' }, System.StringSplitOptions.RemoveEmptyEntries);
                    if (words.Length == 3 && words[1] == "as")
                    {
                        bound.Add(words[2]);
                    }
                    else if (words.Length >= 1)
                    {
                        bound.Add(words[0].Split('.')[0]);
                    }
                }
            }

            foreach (Match m in PythonFromImport.Matches(text))
            {
                foreach (var part in m.Groups["names"].Value.Split(','))
                {
                    var words = part.Trim().Split(new[] { ' ', '\t' }, System.StringSplitOptions.RemoveEmptyEntries);
                    if (words.Length == 1 && words[0] == "*")
                    {
                        bound.Add(m.Groups["module"].Value.Split('.')[0]); // unknown names: assume the module's own is there
                    }
                    else if (words.Length >= 1)
                    {
                        bound.Add(words.Length == 3 && words[1] == "as" ? words[2] : words[0]);
                    }
                }
            }

            var missing = new List<string>();
            foreach (var module in PythonModules)
            {
                var name = Regex.Escape(module);
                if (!bound.Contains(module)
                    && Regex.IsMatch(text, @"(?<![\w.])" + name + @"[ \t]*\.[ \t]*[A-Za-z_]", RegexOptions.CultureInvariant)
                    && !Regex.IsMatch(text, @"(^|[^\w.])(def|class)[ \t]+" + name + @"\b|(?<![\w.])" + name + @"[ \t]*=(?!=)|\bfor[ \t]+" + name + @"\b|\bas[ \t]+" + name + @"\b", RegexOptions.Multiline | RegexOptions.CultureInvariant))
                {
                    missing.Add(module);
                }
            }

            return missing;
        }

        /// <summary>Python 2's <c>except ValueError, e:</c>, a syntax error on every Python 3 runtime.</summary>
        public static bool UsesPython2Except(string code) => Python2Except.IsMatch(StripPythonStringsAndComments(code));

        /// <summary>True when the code defines the handler function Lambda will call.</summary>
        public static bool DefinesHandler(string code, string function, string family)
        {
            var name = Regex.Escape(function);
            return family == "PYTHON"
                ? Regex.IsMatch(StripPythonStringsAndComments(code), @"^(async[ \t]+)?def[ \t]+" + name + @"[ \t]*\(|^" + name + @"[ \t]*=(?!=)", RegexOptions.Multiline | RegexOptions.CultureInvariant)
                : Regex.IsMatch(code, @"\bexports[ \t]*\.[ \t]*" + name + @"[ \t]*=(?!=)|\bexports[ \t]*\[[ \t]*['""]" + name + @"['""][ \t]*\][ \t]*=|\bmodule[ \t]*\.[ \t]*exports\b", RegexOptions.CultureInvariant);
        }

        /// <summary>True when Node.js code exports the function ES-module style, which CommonJS inline code cannot do.</summary>
        public static bool ExportsEsm(string code, string function)
            => Regex.IsMatch(code, @"^[ \t]*export[ \t]+(default[ \t]+)?((async[ \t]+)?function\*?|const|let|var)[ \t]+" + Regex.Escape(function) + @"\b", RegexOptions.Multiline | RegexOptions.CultureInvariant);

        /// <summary>Blanks out string literals and comments so names inside them are not read as code.</summary>
        private static string StripPythonStringsAndComments(string code)
        {
            var b = new StringBuilder(code.Length);
            var i = 0;
            while (i < code.Length)
            {
                var c = code[i];
                if (c == '#')
                {
                    while (i < code.Length && code[i] != '\n')
                    {
                        i++;
                    }

                    continue;
                }

                if (c is '\'' or '"')
                {
                    var triple = i + 2 < code.Length && code[i + 1] == c && code[i + 2] == c;
                    var end = triple ? code.IndexOf(new string(c, 3), i + 3, System.StringComparison.Ordinal) : FindQuote(code, i + 1, c);
                    end = end < 0 ? code.Length : end + (triple ? 3 : 1);
                    b.Append(c).Append(' ', System.Math.Max(0, end - i - 2)).Append(c);
                    i = end;
                    continue;
                }

                b.Append(c);
                i++;
            }

            return b.ToString();
        }

        private static int FindQuote(string code, int from, char quote)
        {
            for (var i = from; i < code.Length; i++)
            {
                if (code[i] == '\\')
                {
                    i++;
                }
                else if (code[i] == quote || code[i] == '\n')
                {
                    return i;
                }
            }

            return -1;
        }
    }
}
