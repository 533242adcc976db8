using System.Collections.Immutable;
using CdkLint.Cdk;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace CdkLint.Rules
{
    /// <summary>
    /// CDK4002. Lambda creates its log group `/aws/lambda/&lt;name&gt;` on first write with retention "never expire", so
    /// a function without <c>LogRetention</c> or <c>LogGroup</c> keeps (and bills) its logs forever. Quiet where the logs
    /// already have a retention: CDK ≥ 2.200 with <c>@aws-cdk/aws-lambda:useCdkManagedLogGroup</c> (CDK then creates the
    /// log group itself, with a two-year retention), or a <c>LogGroup</c> named `/aws/lambda/&lt;name&gt;` that the same
    /// code creates for the function (the classic way to set retention).
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class LambdaLogsKeptForeverAnalyzer : CdkAnalyzer
    {
        internal const string ManagedLogGroupFlag = "@aws-cdk/aws-lambda:useCdkManagedLogGroup";
        private const string LambdaLogGroupPrefix = "/aws/lambda/";
        private static readonly System.Version ManagedLogGroupVersion = new(2, 200, 0);

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.CDK4002);

        internal override void OnCdkCompilationStart(CompilationStartAnalysisContext context, CdkSymbols symbols)
        {
            if (symbols.IFunctionOptions is not { } functionOptions)
            {
                return;
            }

            if (symbols.CdkVersion >= ManagedLogGroupVersion
                && CdkConfiguration.GetCdkJson(context.Options, context.CancellationToken).IsFlagOn(ManagedLogGroupFlag))
            {
                return;
            }

            var logGroup = symbols.Type("Amazon.CDK.AWS.Logs.LogGroup");
            RegisterConstructCreationAction(context, symbols, (ctx, creation) =>
            {
                if (!creation.PropsAre(functionOptions))
                {
                    return;
                }

                var props = PropsReader.Read(creation, ctx.CancellationToken);
                if (!props.IsComplete || props.TryGet("LogRetention", out _) || props.TryGet("LogGroup", out _)
                    || HasClassicLogGroup(creation, props, logGroup, symbols, ctx.CancellationToken))
                {
                    return;
                }

                ctx.ReportDiagnostic(Diagnostic.Create(Descriptors.CDK4002, creation.Location, creation.DisplayName));
            });
        }

        /// <summary>
        /// True when the code around the function creates `new LogGroup(…, new LogGroupProps { LogGroupName = "/aws/lambda/…" })`
        /// for this function: from its constant <c>FunctionName</c>, or from <c>fn.FunctionName</c> of the variable holding it.
        /// </summary>
        private static bool HasClassicLogGroup(ConstructCreation function, PropsView props, INamedTypeSymbol? logGroup, CdkSymbols symbols, System.Threading.CancellationToken cancellationToken)
        {
            if (logGroup is null)
            {
                return false;
            }

            Constant.TryGetString(props.ValueOf("FunctionName"), out var functionName);
            var holder = OperationTree.HolderOf(function.Operation);
            foreach (var op in OperationTree.BodyOf(function.Operation))
            {
                if (op is not IObjectCreationOperation create || !CdkSymbols.InheritsFrom(create.Type, logGroup)
                    || !ConstructCreation.TryGet(create, symbols, out var logCreation)
                    || PropsReader.Read(logCreation, cancellationToken).ValueOf("LogGroupName") is not { } name)
                {
                    continue;
                }

                if (Constant.TryGetString(name, out var constant))
                {
                    if (functionName is not null && constant == LambdaLogGroupPrefix + functionName)
                    {
                        return true;
                    }

                    continue;
                }

                if (holder is not null && ReadsFunctionNameOf(name, holder))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool ReadsFunctionNameOf(IOperation name, ISymbol holder)
        {
            foreach (var op in name.DescendantsAndSelf())
            {
                if (op is IPropertyReferenceOperation { Property.Name: "FunctionName" } property)
                {
                    if (OperationTree.Refers(property.Instance, holder))
                    {
                        return true;
                    }
                }
            }

            return false;
        }
    }
}
