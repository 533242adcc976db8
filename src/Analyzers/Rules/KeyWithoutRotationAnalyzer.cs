using System.Collections.Immutable;
using CdkLint.Cdk;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CdkLint.Rules
{
    /// <summary>
    /// CDK2009. A customer managed KMS key rotates its key material only when rotation is enabled, and CDK's default is
    /// off. Only symmetric keys can rotate automatically: asymmetric and HMAC keys (a <c>KeySpec</c> other than
    /// <c>SYMMETRIC_DEFAULT</c>) are left alone, since CDK throws at synth when rotation is asked of them. A key that sets
    /// <c>RotationPeriod</c> rotates (CDK then writes <c>EnableKeyRotation: true</c>).
    /// </summary>
    public sealed class KeyWithoutRotationAnalyzer : CdkAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.CDK2009);

        internal override void OnCdkCompilationStart(RuleStartContext context, CdkSymbols symbols)
        {
            if (symbols.Type("Amazon.CDK.AWS.KMS.Key") is not { } key)
            {
                return;
            }

            var keySpec = symbols.Type("Amazon.CDK.AWS.KMS.KeySpec");
            context.RegisterConstructCreationAction((ctx, creation) =>
            {
                if (!CdkSymbols.InheritsFrom(creation.Type, key))
                {
                    return;
                }

                var props = PropsReader.Read(creation, ctx.CancellationToken);
                if (props.ValueOf("KeySpec") is { } spec && !Constant.IsEnumMember(spec, keySpec, "SYMMETRIC_DEFAULT"))
                {
                    return; // asymmetric, HMAC, or not known here
                }

                if (props.TryGet("RotationPeriod", out _))
                {
                    return;
                }

                if (props.TryGet("EnableKeyRotation", out var rotation))
                {
                    if (Constant.TryGetBool(rotation.Value, out var on) && !on)
                    {
                        ctx.ReportDiagnostic(Diagnostic.Create(Descriptors.CDK2009, rotation.Value.Syntax.GetLocation(), creation.DisplayName, "sets EnableKeyRotation = false"));
                    }

                    return;
                }

                if (props.IsComplete)
                {
                    ctx.ReportDiagnostic(Diagnostic.Create(Descriptors.CDK2009, creation.Location, creation.DisplayName, "does not rotate (CDK leaves rotation off)"));
                }
            });
        }
    }
}
