// The map: country outlines from the bundled Natural Earth data (no tile server), then the
// corpus's places and located events as circles, each with a popup naming its fact.
(function () {
  "use strict";
  var element = document.getElementById("map");
  var status = document.getElementById("map-status");
  var map = L.map(element, { worldCopyJump: true, attributionControl: true }).setView([25, 10], 2);
  map.attributionControl.addAttribution("Country outlines: Natural Earth");

  function getJSON(url) {
    return fetch(url, { headers: { Accept: "application/json" } }).then(function (answer) {
      if (!answer.ok) { throw new Error(url + ": " + answer.status); }
      return answer.json();
    });
  }
  function popup(lines, href) {
    var node = document.createElement("div");
    lines.forEach(function (line, index) {
      var p = document.createElement(index === 0 ? "strong" : "div");
      p.textContent = line;
      node.appendChild(p);
    });
    if (href) {
      var link = document.createElement("a");
      link.href = href;
      link.textContent = "the sentence";
      node.appendChild(link);
    }
    return node;
  }
  function articleHref(props, start) {
    return "/articles/" + encodeURIComponent(props.source.article_id).replace("%3A", ":") +
      "#at-" + start;
  }

  // Rings that cross the antimeridian (Russia, Fiji) jump from +180 to -180; carrying
  // their longitudes on past 180 keeps Leaflet from drawing a line across the world.
  function unwrap(ring) {
    var shift = 0;
    return ring.map(function (point, index) {
      var jump = index > 0 ? point[0] - ring[index - 1][0] : 0;
      if (jump > 180) { shift -= 360; } else if (jump < -180) { shift += 360; }
      return [point[0] + shift, point[1]];
    });
  }
  function unwrapped(geometry) {
    if (geometry.type === "Polygon") {
      return { type: "Polygon", coordinates: geometry.coordinates.map(unwrap) };
    }
    return { type: "MultiPolygon", coordinates: geometry.coordinates.map(function (polygon) {
      return polygon.map(unwrap);
    }) };
  }

  getJSON(element.dataset.countries).then(function (topology) {
    var countries = topojson.feature(topology, topology.objects.countries);
    countries.features = countries.features.filter(function (country) {
      return country.id !== "010" && country.geometry;  // Antarctica: a ring round the pole
    }).map(function (country) {
      return { type: "Feature", id: country.id, properties: country.properties,
        geometry: unwrapped(country.geometry) };
    });
    L.geoJSON(countries, {
      style: { color: "#8aa0b4", weight: 0.7, fillColor: "#f4f1ea", fillOpacity: 1 },
      interactive: false,
    }).addTo(map).bringToBack();
  }).catch(function (error) { status.textContent = "No outlines: " + error.message; });

  Promise.all([getJSON(element.dataset.places), getJSON(element.dataset.events)]).then(
    function (found) {
      var places = found[0].features, events = found[1].features;
      places.forEach(function (feature) {
        var p = feature.properties, ll = [feature.geometry.coordinates[1], feature.geometry.coordinates[0]];
        L.circleMarker(ll, { radius: 4 + Math.min(10, Math.sqrt(p.mentions)), color: "#174f8a",
          weight: 1, fillOpacity: 0.5, className: "place-point" })
          .bindPopup(popup([p.name + (p.country ? " (" + p.country + ")" : ""),
            p.mentions + " mentions in " + p.articles + " articles"]))
          .addTo(map);
      });
      events.forEach(function (feature) {
        var v = feature.properties, ll = [feature.geometry.coordinates[1], feature.geometry.coordinates[0]];
        L.circleMarker(ll, { radius: 5, color: "#b3261e", weight: 1, fillOpacity: 0.7,
          className: "event-point" })
          .bindPopup(popup([v.type + ": " + (v.actor_name || "?") + " → " + (v.recipient_name || "?"),
            (v.day || "undated") + (v.place_name ? ", " + v.place_name : "")],
            articleHref(v, v.trigger_start)))
          .addTo(map);
      });
      element.dataset.points = String(places.length + events.length);
      status.textContent = events.length + " located events, " + places.length + " places.";
    }
  ).catch(function (error) { status.textContent = "Could not load the points: " + error.message; });
})();
