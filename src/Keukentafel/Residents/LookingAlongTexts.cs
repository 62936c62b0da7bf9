namespace Keukentafel.Residents;

/// <summary>The texts of the note on every page a trusted person reads for a resident (Resources/Residents/LookingAlongTexts.resx).</summary>
public sealed class LookingAlongTexts;
