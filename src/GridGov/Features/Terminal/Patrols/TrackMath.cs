namespace GridGov.Features.Terminal.Patrols;

// Distances on the ground for patrol tracks (WGS84, metres). The phone applies the same rule when
// it shows the distance so far, so the page and the record agree.
public static class TrackMath
{
    const double EarthRadius = 6_371_008.8;

    // Faster than this between two points is a GPS jump (or a ride), not walking or cycling the grid.
    public const double MaxSpeedKmh = 40;

    public static double Meters(double lon1, double lat1, double lon2, double lat2)
    {
        static double Rad(double d) => d * Math.PI / 180;
        var dLat = Rad(lat2 - lat1);
        var dLon = Rad(lon2 - lon1);
        var a = Math.Sin(dLat / 2) * Math.Sin(dLat / 2) + Math.Cos(Rad(lat1)) * Math.Cos(Rad(lat2)) * Math.Sin(dLon / 2) * Math.Sin(dLon / 2);
        return 2 * EarthRadius * Math.Asin(Math.Min(1, Math.Sqrt(a)));
    }

    // The sum of consecutive distances in time order, leaving out every step that implies more than
    // MaxSpeedKmh: the track goes on from the far point, but the jump itself is not walked distance.
    public static double Distance(IEnumerable<(DateTime At, double Lon, double Lat)> points)
    {
        var total = 0.0;
        (DateTime At, double Lon, double Lat)? prev = null;
        foreach (var p in points.OrderBy(p => p.At))
        {
            if (prev is { } q)
            {
                var d = Meters(q.Lon, q.Lat, p.Lon, p.Lat);
                var seconds = (p.At - q.At).TotalSeconds;
                if (seconds > 0 && d / seconds * 3.6 <= MaxSpeedKmh) total += d;
            }
            prev = p;
        }
        return Math.Round(total, 1);
    }

    public static bool ValidCoordinates(double lon, double lat) =>
        double.IsFinite(lon) && double.IsFinite(lat) && lon is >= -180 and <= 180 && lat is >= -90 and <= 90 && !(lon == 0 && lat == 0);
}
