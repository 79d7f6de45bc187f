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

// Key cuts the tag at its first comma by hand.
func Key(v any, field string) (string, bool) { // want Key:`reads bson tags`
	f, ok := reflect.TypeOf(v).FieldByName(field)
	if !ok {
		return "", false
	}
	tag := f.Tag.Get("bson")
	if i := strings.IndexByte(tag, ','); i >= 0 {
		tag = tag[:i]
	}
	return tag, true
}

// Meta makes a path of the tag: no key of the field.
func Meta(v any, field string) string {
	f, _ := reflect.TypeOf(v).FieldByName(field)
	return "meta." + strings.Split(f.Tag.Get("bson"), ",")[0]
}

// Keys named in a package of constants that does not use the driver.
var (
	KeyID     = "_id"
	KeyStatus = "status"
	OpSet     = "$set"
	Moved     = "moved" // assigned below: not a key
	notKey    = "hidden"
)

func Rename() { Moved = "elsewhere"; _ = notKey }

// Sep joins the parts of a path.
var Sep = "."

// Join joins the parts of a path.
func Join(parts ...string) string { return strings.Join(parts, Sep) }

// Names returns a T whose string fields hold their bson names: a
// field-name object.
func Names[T any]() T { // want Names:`makes field-name objects`
	v := new(T)
	fill(reflect.ValueOf(v).Elem(), "")
	return *v
}

func fill(v reflect.Value, prefix string) {
	t := v.Type()
	for i := range t.NumField() {
		name, _, _ := strings.Cut(t.Field(i).Tag.Get("bson"), ",")
		switch t.Field(i).Type.Kind() {
		case reflect.String:
			v.Field(i).SetString(prefix + name)
		case reflect.Struct:
			fill(v.Field(i), prefix+name+".")
		}
	}
}

// Zero returns a T and sets nothing: no field-name object.
func Zero[T any]() T {
	var v T
	_ = reflect.TypeOf(v).Field(0).Tag.Get("bson")
	return v
}
