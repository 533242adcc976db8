using System.Collections.Immutable;
using CdkLint.Cdk;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace CdkLint.Rules
{
    /// <summary>
    /// CDKS001. A construct registers itself with its scope in its constructor (<c>new Bucket(this, "Images")</c> adds
    /// the bucket to the stack's tree), so a statement that creates one and drops the reference is how CDK code is
    /// written, not the ignored result CA1806 warns about.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class ConstructCreatedForSideEffectSuppressor : DiagnosticSuppressor
    {
        public override ImmutableArray<SuppressionDescriptor> SupportedSuppressions { get; } = ImmutableArray.Create(Descriptors.CDKS001);

        public override void ReportSuppressions(SuppressionAnalysisContext context)
        {
            CdkSymbols? symbols = null;
            foreach (var diagnostic in context.ReportedDiagnostics)
            {
                if (diagnostic.Location.SourceTree is not { } tree)
                {
                    continue;
                }

                symbols ??= CdkSymbols.Get(context.Compilation);
                if (symbols is null)
                {
                    return;
                }

                var node = tree.GetRoot(context.CancellationToken).FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
                var creation = node as BaseObjectCreationExpressionSyntax ?? node.FirstAncestorOrSelf<BaseObjectCreationExpressionSyntax>();
                if (creation?.Parent is ExpressionStatementSyntax
                    && context.GetSemanticModel(tree).GetOperation(creation, context.CancellationToken) is IObjectCreationOperation operation
                    && IsConstructWithScopeAndId(operation, symbols))
                {
                    context.ReportSuppression(Suppression.Create(Descriptors.CDKS001, diagnostic));
                }
            }
        }

        /// <summary>`new X(scope, id, …)` of a construct type: the scope argument is what makes the object reachable.</summary>
        private static bool IsConstructWithScopeAndId(IObjectCreationOperation operation, CdkSymbols symbols)
        {
            if (!symbols.IsConstructType(operation.Type) || operation.Constructor is not { Parameters.Length: >= 2 } ctor)
            {
                return false;
            }

            return CdkSymbols.Implements(ctor.Parameters[0].Type, symbols.Type("Constructs.IConstruct"))
                && ctor.Parameters[1].Type.SpecialType == SpecialType.System_String;
        }
    }
}
