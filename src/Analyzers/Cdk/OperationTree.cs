using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace CdkLint.Cdk
{
    internal static class OperationTree
    {
        /// <summary>The outermost operation (the method, constructor or field-initializer body) holding <paramref name="operation"/>.</summary>
        public static IOperation Root(IOperation operation)
        {
            var current = operation;
            while (current.Parent is { } parent)
            {
                current = parent;
            }

            return current;
        }

        public static IOperation? EnclosingBlock(IOperation operation)
        {
            for (var current = operation.Parent; current is not null; current = current.Parent)
            {
                if (current is IBlockOperation)
                {
                    return current;
                }
            }

            return null;
        }

        /// <summary>True when <paramref name="operation"/> is the field <paramref name="member"/> of enum <paramref name="enumType"/>.</summary>
        public static bool IsEnumMember(IOperation? operation, INamedTypeSymbol? enumType, string member)
            => ConstructCreation.Unwrap(operation) is IFieldReferenceOperation field
               && field.Field.Name == member
               && SymbolEqualityComparer.Default.Equals(field.Field.ContainingType, enumType);

        /// <summary>True when <paramref name="operation"/> reads the static property or field <paramref name="member"/> of <paramref name="type"/>.</summary>
        public static bool IsStaticMember(IOperation? operation, INamedTypeSymbol? type, string member)
        {
            ISymbol? symbol = ConstructCreation.Unwrap(operation) switch
            {
                IPropertyReferenceOperation p when p.Instance is null => p.Property,
                IFieldReferenceOperation f when f.Instance is null => f.Field,
                _ => null,
            };
            return symbol is not null && symbol.Name == member && SymbolEqualityComparer.Default.Equals(symbol.ContainingType, type);
        }

        /// <summary>The local or field a creation is stored in.</summary>
        public static ISymbol? HolderOf(IOperation creation)
            => creation.Parent switch
            {
                IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator } => declarator.Symbol,
                ISimpleAssignmentOperation { Target: ILocalReferenceOperation local } => local.Local,
                ISimpleAssignmentOperation { Target: IFieldReferenceOperation field } => field.Field,
                IConversionOperation conversion => HolderOf(conversion),
                _ => null,
            };

        public static bool Refers(IOperation? operation, ISymbol holder)
            => ConstructCreation.Unwrap(operation) switch
            {
                ILocalReferenceOperation l => SymbolEqualityComparer.Default.Equals(l.Local, holder),
                IFieldReferenceOperation f => SymbolEqualityComparer.Default.Equals(f.Field, holder),
                _ => false,
            };
    }
}
