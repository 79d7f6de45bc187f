// Package bsoncodec is a stub of the driver's package of the same name:
// its struct tag parser.
package bsoncodec

import (
	"reflect"
	"strings"
)

type StructTags struct {
	Name      string
	OmitEmpty bool
	Inline    bool
}

type StructTagParser interface {
	ParseStructTags(reflect.StructField) (StructTags, error)
}

type StructTagParserFunc func(reflect.StructField) (StructTags, error)

func (stpf StructTagParserFunc) ParseStructTags(sf reflect.StructField) (StructTags, error) {
	return stpf(sf)
}

var DefaultStructTagParser StructTagParserFunc = func(sf reflect.StructField) (StructTags, error) {
	name, opts, _ := strings.Cut(sf.Tag.Get("bson"), ",")
	if name == "" {
		name = strings.ToLower(sf.Name)
	}
	return StructTags{Name: name, Inline: strings.Contains(opts, "inline")}, nil
}
