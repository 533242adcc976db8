using System.Collections.Generic;
using System.Collections.Immutable;
using CdkLint.Cdk;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace CdkLint.Rules
{
    /// <summary>
    /// CDK5001. Inline code is not run until the function is invoked, so a missing import or a wrong handler synthesizes
    /// and deploys cleanly and then fails on every call. CDK writes the code to a file named <c>index</c>
    /// (<c>index.py</c>, <c>index.js</c>), and Node.js loads that file as CommonJS.
    /// </summary>
    public sealed class InlineLambdaCodeBrokenAnalyzer : CdkAnalyzer
    {
        /// <summary>Diagnostic property: the modules the fix imports, comma-separated.</summary>
        public const string MissingImportsKey = "MissingImports";

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.CDK5001);

        internal override void OnCdkCompilationStart(RuleStartContext context, CdkSymbols symbols)
        {
            if (symbols.Type("Amazon.CDK.AWS.Lambda.Runtime") is not { } runtimeType || symbols.Type("Amazon.CDK.AWS.Lambda.Code") is null)
            {
                return;
            }

            // The code and the handler are each checked where they are assigned, so each diagnostic sits inside the code
            // being analysed; the other settings come from the same props object.
            var table = new PropTable<bool>(symbols, new[]
            {
                ("Amazon.CDK.AWS.Lambda.IFunctionProps", "Code", true),
                ("Amazon.CDK.AWS.Lambda.IFunctionProps", "Handler", false),
            });
            RegisterPropAssignmentAction(context, table, (ctx, assignment, isCode) =>
            {
                var props = PropsReader.ReadObjectOf(assignment.Assignment, ctx.CancellationToken);
                if (!LambdaRuntimes.TryRead(props.ValueOf("Runtime"), runtimeType, out _, out _, out var family) || family is not ("PYTHON" or "NODEJS")
                    || !InlineLambdaCode.TryGet(isCode ? assignment.Value : props.ValueOf("Code"), symbols, out var argument, out var code))
                {
                    return;
                }

                if (isCode && family == "PYTHON")
                {
                    ReportPythonCode(ctx, argument, code);
                }
                else if (!isCode && Constant.TryGetString(assignment.Value, out var handlerName))
                {
                    CheckHandler(ctx, assignment.Value, handlerName, code, family);
                }
            });
        }

        private static void ReportPythonCode(OperationAnalysisContext ctx, IOperation argument, string code)
        {
            var problems = new List<string>();
            var missing = InlineLambdaCode.MissingPythonImports(code);
            if (missing.Count > 0)
            {
                problems.Add("the Python code uses " + Join(missing) + " without importing " + (missing.Count == 1 ? "it" : "them"));
            }

            if (InlineLambdaCode.UsesPython2Except(code))
            {
                problems.Add("'except X, e:' is Python 2 syntax, a SyntaxError on Python 3 (write 'except X as e:')");
            }

            if (problems.Count > 0)
            {
                var properties = ImmutableDictionary<string, string?>.Empty;
                if (missing.Count > 0)
                {
                    properties = properties.Add(MissingImportsKey, string.Join(",", missing));
                }

                ctx.ReportDiagnostic(Diagnostic.Create(Descriptors.CDK5001, argument.Syntax.GetLocation(), properties, string.Join("; ", problems)));
            }
        }

        private static void CheckHandler(OperationAnalysisContext ctx, IOperation handler, string handlerName, string code, string family)
        {
            var dot = handlerName.LastIndexOf('.');
            if (dot <= 0 || dot == handlerName.Length - 1)
            {
                return; // not a module.function handler: Lambda's own validation reports it at deploy
            }

            var module = handlerName.Substring(0, dot);
            var function = handlerName.Substring(dot + 1);
            var file = family == "PYTHON" ? "index.py" : "index.js";
            string? problem = null;
            if (module != "index")
            {
                problem = $"handler '{handlerName}' names module '{module}', but CDK writes inline code to {file}: use 'index.{function}'";
            }
            else if (!InlineLambdaCode.DefinesHandler(code, function, family))
            {
                problem = family == "NODEJS" && InlineLambdaCode.ExportsEsm(code, function)
                    ? $"Node.js runs inline code as CommonJS, so 'export … {function}' does not define the handler: write 'exports.{function} = …'"
                    : family == "PYTHON"
                        ? $"handler '{handlerName}' names function '{function}', which the inline code does not define ('def {function}(')"
                        : $"handler '{handlerName}' names function '{function}', which the inline code does not export ('exports.{function} = …')";
            }

            if (problem is not null)
            {
                ctx.ReportDiagnostic(Diagnostic.Create(Descriptors.CDK5001, handler.Syntax.GetLocation(), problem));
            }
        }

        private static string Join(List<string> names)
            => names.Count == 1 ? names[0] : string.Join(", ", names.GetRange(0, names.Count - 1)) + " and " + names[names.Count - 1];
    }
}
