// Package reachtags reads bson tags by reflection; it does not use the
// driver.
package reachtags

import (
	"reflect"
	"strings"
)

// Of returns the bson key of the field named field of v's struct type.
func Of(v any, field string) string { // want Of:`reads bson tags`
	t := reflect.TypeOf(v)
	if t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	f, ok := t.FieldByName(field)
	if !ok {
		panic("no field " + field)
	}
	return strings.Split(f.Tag.Get("bson"), ",")[0]
}

// JSON returns the json key: no bson key.
func JSON(v any, field string) string {
	f, _ := reflect.TypeOf(v).FieldByName(field)
	return f.Tag.Get("json")
}
