namespace CdkLint
{
    /// <summary>Every CdkLint diagnostic ID. IDs are permanent: never renumber, never reuse.</summary>
    internal static class RuleIds
    {
        public const string HardcodedPhysicalName = "CDK1001";
        public const string StatefulResourceDestroyed = "CDK1002";
    }
}
