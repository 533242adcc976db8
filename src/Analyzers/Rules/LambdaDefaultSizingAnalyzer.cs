using System.Collections.Immutable;
using CdkLint.Cdk;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CdkLint.Rules
{
    /// <summary>
    /// CDK3003. A function that does not set <c>MemorySize</c> and <c>Timeout</c> runs with AWS's defaults, 128 MB and
    /// 3 seconds, whatever it does: "one size for every function". Memory also buys CPU, so an undersized function is
    /// slow and an oversized one costs money. Info: the defaults are right for some functions.
    /// </summary>
    public sealed class LambdaDefaultSizingAnalyzer : CdkAnalyzer
    {
        /// <summary>Diagnostic property: the settings left unset, comma-separated (MemorySize, Timeout).</summary>
        public const string MissingKey = "Missing";

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.CDK3003);

        internal override void OnCdkCompilationStart(RuleStartContext context, CdkSymbols symbols)
        {
            if (symbols.IFunctionOptions is not { } functionOptions)
            {
                return;
            }

            context.RegisterConstructCreationAction((ctx, creation) =>
            {
                if (!creation.PropsAre(functionOptions))
                {
                    return;
                }

                var props = PropsReader.Read(creation, ctx.CancellationToken);
                if (!props.IsComplete)
                {
                    return;
                }

                var memory = props.TryGet("MemorySize", out _);
                var timeout = props.TryGet("Timeout", out _);
                if (memory && timeout)
                {
                    return;
                }

                var (missing, what) = (memory, timeout) switch
                {
                    (false, false) => ("MemorySize,Timeout", "sets neither MemorySize nor Timeout, so it runs with AWS's defaults of 128 MB and 3 seconds"),
                    (true, _) => ("Timeout", "sets no Timeout, so it is stopped after AWS's default of 3 seconds"),
                    _ => ("MemorySize", "sets no MemorySize, so it runs with AWS's default of 128 MB (and the CPU share that buys)"),
                };
                ctx.ReportDiagnostic(Diagnostic.Create(Descriptors.CDK3003, creation.Location, ImmutableDictionary<string, string?>.Empty.Add(MissingKey, missing), creation.DisplayName, what));
            });
        }
    }
}
